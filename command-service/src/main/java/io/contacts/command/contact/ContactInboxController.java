package io.contacts.command.contact;

import io.contacts.command.account.AccountMember;
import io.contacts.command.inbox.Inboxes;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /contacts/{id}/contact_inboxes}: link a contact to an inbox the caller can see. */
@RestController
class ContactInboxController {

    private final InboxLinkRequests requests;
    private final Inboxes inboxes;
    private final ContactCommands commands;
    private final ReadYourWrites readYourWrites;

    ContactInboxController(InboxLinkRequests requests, Inboxes inboxes, ContactCommands commands,
                           ReadYourWrites readYourWrites) {
        this.requests = requests;
        this.inboxes = inboxes;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/api/v1/accounts/{accountId}/contacts/{id}/contact_inboxes")
    Map<String, Object> link(@PathVariable long accountId, @PathVariable String id,
                             @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member,
                             JsonBody body) {
        InboxLinkRequests.Request request = requests.required(accountId, body);
        if (!inboxes.visibleTo(member, request.inbox())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "You are not authorized to do this action");
        }
        ContactState state = commands.send(ReadYourWrites.awaited(
                new LinkContactInbox(ContactController.contactId(id), accountId, request.link())));
        readYourWrites.awaitSearchable(List.of(state));
        ContactInbox link = request.in(state);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source_id", link.sourceId());
        json.put("inbox", ContactRenderer.slimInbox(link.inbox()));
        return json;
    }
}
