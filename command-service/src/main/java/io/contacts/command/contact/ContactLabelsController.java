package io.contacts.command.contact;

import io.contacts.command.web.JsonBody;
import io.contacts.events.ContactState;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code POST /contacts/{id}/labels}: replaces the contact's labels (any member; the GET is on the query side). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts/{id}/labels")
class ContactLabelsController {

    private final ContactCommands commands;
    private final ReadYourWrites readYourWrites;

    ContactLabelsController(ContactCommands commands, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    /** Missing, non-array or empty {@code labels} clears them, as Chatwoot. */
    @PostMapping
    Map<String, List<String>> replace(@PathVariable long accountId, @PathVariable String id, JsonBody body) {
        ChangeLabels command = new ChangeLabels(ContactController.contactId(id), accountId,
                LabelNames.clean(body.looseStrings("labels")));
        ContactState state = commands.send(ReadYourWrites.awaited(command));
        readYourWrites.awaitSearchable(List.of(state));
        return Map.of("payload", state.labels());
    }
}
