package io.contacts.command.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.command.account.AccountMember;
import io.contacts.command.avatar.AvatarUploads;
import io.contacts.command.presence.PresenceCheck;
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
import org.springframework.web.multipart.MultipartFile;

import java.util.Optional;

/** The contact writes of the Chatwoot API; each answers once the query side shows it (see {@link ReadYourWrites}). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
class ContactController {

    private final ContactIds ids;
    private final ContactCommands commands;
    private final ReadYourWrites readYourWrites;
    private final InboxLinkRequests inboxLinks;
    private final PresenceCheck presence;
    private final AvatarUrlFetches avatarUrls;

    ContactController(ContactIds ids, ContactCommands commands, ReadYourWrites readYourWrites,
                      InboxLinkRequests inboxLinks, PresenceCheck presence, AvatarUrlFetches avatarUrls) {
        this.ids = ids;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.inboxLinks = inboxLinks;
        this.presence = presence;
        this.avatarUrls = avatarUrls;
    }

    @PostMapping
    ObjectNode create(@PathVariable long accountId, JsonBody body,
                      @RequestParam(name = "avatar", required = false) MultipartFile avatar) {
        ContactChanges values = ContactRules.normalised(ContactRequests.changes(body));
        Optional<InboxLinkRequests.Request> inbox = inboxLinks.optional(accountId, body);
        // read before the write: a malformed avatar_url must refuse the request, not follow a committed write
        String avatarUrl = ContactRequests.avatarUrl(body);
        ContactState state = commands.send(ReadYourWrites.awaited(new CreateContact(String.valueOf(ids.next()), accountId,
                values, inbox.map(InboxLinkRequests.Request::link).orElse(null), AvatarUploads.read(avatar))));
        avatarUrls.fetchLater(state, avatarUrl);
        ObjectNode contact = readYourWrites.contact(state, true);
        ObjectNode response = contact.deepCopy();
        ObjectNode payload = response.putObject("payload");
        payload.set("contact", contact);
        ObjectNode contactInbox = payload.putObject("contact_inbox");
        contactInbox.putNull("inbox");
        contactInbox.putNull("source_id");
        inbox.ifPresent(request -> {
            contactInbox.putPOJO("inbox", request.inbox().json());
            contactInbox.put("source_id", request.in(state).sourceId());
        });
        return response;
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    ObjectNode update(@PathVariable long accountId, @PathVariable String id,
                      @RequestParam(name = "include_contact_inboxes", required = false) String include,
                      JsonBody body, @RequestParam(name = "avatar", required = false) MultipartFile avatar) {
        ContactChanges changes = ContactRules.normalised(ContactRequests.changes(body));
        String avatarUrl = ContactRequests.avatarUrl(body);
        ContactState state = commands.send(ReadYourWrites.awaited(new UpdateContact(contactId(id), accountId, changes,
                AvatarUploads.read(avatar))));
        avatarUrls.fetchLater(state, avatarUrl);
        return withPayload(readYourWrites.contact(state, includeContactInboxes(include)));
    }

    @PostMapping("/{id}/destroy_custom_attributes")
    ObjectNode destroyCustomAttributes(@PathVariable long accountId, @PathVariable String id,
                                       JsonBody body) {
        RemoveCustomAttributes command = new RemoveCustomAttributes(contactId(id), accountId,
                ContactRequests.removedKeys(body));
        return withPayload(readYourWrites.contact(commands.send(ReadYourWrites.awaited(command)), true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long accountId, @PathVariable String id,
                                @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        String contactId = contactId(id);
        boolean online = presence.isOnline(accountId, contactId);
        readYourWrites.awaitDeleted(commands.send(ReadYourWrites.awaited(
                new DeleteContact(contactId, accountId, online))));
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

    static ObjectNode withPayload(ObjectNode contact) {
        ObjectNode response = contact.deepCopy();
        response.set("payload", contact);
        return response;
    }
}
