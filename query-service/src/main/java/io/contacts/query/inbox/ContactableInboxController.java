package io.contacts.query.inbox;

import io.contacts.query.access.CommandServiceAccessClient;
import io.contacts.query.contact.ContactIds;
import io.contacts.query.contact.ContactJson;
import io.contacts.query.contact.ContactNotFoundException;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.projection.ContactDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /contacts/{id}/contactable_inboxes}, filtered to the inboxes the caller can see. */
@RestController
class ContactableInboxController {

    private final ContactReader reader;
    private final VisibleInboxes visibleInboxes;

    ContactableInboxController(ContactReader reader, VisibleInboxes visibleInboxes) {
        this.reader = reader;
        this.visibleInboxes = visibleInboxes;
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts/{id}/contactable_inboxes")
    Map<String, Object> contactable(@PathVariable long accountId, @PathVariable String id,
                                    @RequestHeader(CommandServiceAccessClient.TOKEN_HEADER) String token) {
        ContactDocument contact = reader.find(accountId, ContactIds.parse(id))
                .orElseThrow(ContactNotFoundException::new);
        return Map.of("payload", ContactableInboxes.of(contact, visibleInboxes.of(token, accountId)).stream()
                .map(c -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("inbox", ContactJson.slimInbox(c.inbox().summary()));
                    json.put("source_id", c.sourceId());
                    return json;
                }).toList());
    }
}
