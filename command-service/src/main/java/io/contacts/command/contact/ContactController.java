package io.contacts.command.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.command.account.AccountMember;
import io.contacts.command.web.JsonBody;
import io.contacts.events.ContactState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contact writes of the Chatwoot API; answers are rendered by the query side (see {@link ReadYourWrites}). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
class ContactController {

    private final ContactIds ids;
    private final ContactCommands commands;
    private final ReadYourWrites readYourWrites;

    ContactController(ContactIds ids, ContactCommands commands, ReadYourWrites readYourWrites) {
        this.ids = ids;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    ObjectNode create(@PathVariable long accountId, JsonBody body) {
        ContactChanges values = ContactRules.normalised(ContactRequests.changes(body));
        ContactState state = commands.send(new CreateContact(String.valueOf(ids.next()), accountId, values));
        ObjectNode contact = readYourWrites.contact(state, true);
        ObjectNode response = contact.deepCopy();
        ObjectNode payload = response.putObject("payload");
        payload.set("contact", contact);
        ObjectNode contactInbox = payload.putObject("contact_inbox");
        contactInbox.putNull("inbox");
        contactInbox.putNull("source_id");
        return response;
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    ObjectNode update(@PathVariable long accountId, @PathVariable String id,
                      @RequestParam(name = "include_contact_inboxes", required = false) String include,
                      JsonBody body) {
        ContactChanges changes = ContactRules.normalised(ContactRequests.changes(body));
        ContactState state = commands.send(new UpdateContact(contactId(id), accountId, changes));
        return withPayload(readYourWrites.contact(state, includeContactInboxes(include)));
    }

    @PostMapping("/{id}/destroy_custom_attributes")
    ObjectNode destroyCustomAttributes(@PathVariable long accountId, @PathVariable String id,
                                       JsonBody body) {
        RemoveCustomAttributes command = new RemoveCustomAttributes(contactId(id), accountId,
                ContactRequests.removedKeys(body));
        return withPayload(readYourWrites.contact(commands.send(command), true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long accountId, @PathVariable String id,
                                @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        readYourWrites.awaitDeleted(commands.send(new DeleteContact(contactId(id), accountId)));
        return ResponseEntity.ok().build();
    }

    /** Chatwoot's rule: absent or empty means true, exactly "true" means true, anything else false. */
    private static boolean includeContactInboxes(String value) {
        return value == null || value.isEmpty() || value.equals("true");
    }

    static String contactId(String id) {
        if (!id.matches("[1-9]\\d{0,17}")) {
            throw new ContactNotFoundException();
        }
        return id;
    }

    private static ObjectNode withPayload(ObjectNode contact) {
        ObjectNode response = contact.deepCopy();
        response.set("payload", contact);
        return response;
    }
}
