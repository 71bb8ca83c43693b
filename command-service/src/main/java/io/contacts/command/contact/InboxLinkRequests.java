package io.contacts.command.contact;

import io.contacts.command.inbox.Inbox;
import io.contacts.command.inbox.Inboxes;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads {@code inbox_id}, {@code source_id} and {@code hmac_verified} of a request into a link to an account's inbox. */
@Component
class InboxLinkRequests {

    static final String INBOX_ID = "inbox_id";

    /** The inbox asked for and the link to make. */
    record Request(Inbox inbox, InboxLink link) {

        /** The contact's link that {@code state} (after the command) holds for this request. */
        ContactInbox in(ContactState state) {
            String sourceId = SourceIds.resolve(link, state.email(), state.phoneNumber());
            return state.contactInboxes().stream()
                    .filter(ci -> ci.inbox().id() == inbox.id() && ci.sourceId().equals(sourceId))
                    .findFirst().orElseThrow();
        }
    }

    private final Inboxes inboxes;

    InboxLinkRequests(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    /** Nothing when no inbox is named (a blank {@code inbox_id} names none, as in Rails); 404 for a foreign one. */
    Optional<Request> optional(long accountId, JsonBody body) {
        String inboxId = body.text(INBOX_ID);
        if (inboxId == null || inboxId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(required(accountId, body));
    }

    Request required(long accountId, JsonBody body) {
        String inboxId = body.text(INBOX_ID);
        Inbox inbox = Optional.ofNullable(inboxId).filter(id -> id.matches("\\d{1,18}"))
                .flatMap(id -> inboxes.find(accountId, Long.parseLong(id)))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Inbox not found"));
        String sourceId = body.text("source_id");
        Boolean hmacVerified = body.bool("hmac_verified");
        return new Request(inbox, InboxLink.to(inbox, sourceId == null || sourceId.isEmpty() ? null : sourceId,
                Boolean.TRUE.equals(hmacVerified)));
    }
}
