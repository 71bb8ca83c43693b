package io.contacts.command.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE .../contacts/{id}/avatar}: any member of the account may remove a contact's avatar. */
@RestController
class ContactAvatarController {

    private final ContactCommands commands;
    private final ReadYourWrites readYourWrites;

    ContactAvatarController(ContactCommands commands, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @DeleteMapping("/api/v1/accounts/{accountId}/contacts/{id}/avatar")
    ObjectNode remove(@PathVariable long accountId, @PathVariable String id) {
        RemoveAvatar command = new RemoveAvatar(ContactController.contactId(id), accountId);
        return ContactController.withPayload(readYourWrites.contact(commands.send(ReadYourWrites.awaited(command)), false));
    }
}
