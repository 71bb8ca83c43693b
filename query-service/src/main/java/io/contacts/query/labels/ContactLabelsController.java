package io.contacts.query.labels;

import io.contacts.query.contact.ContactIds;
import io.contacts.query.contact.ContactNotFoundException;
import io.contacts.query.contact.ContactReader;
import io.contacts.query.projection.ContactDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code GET /contacts/{id}/labels}: the contact's label names (any member; the POST is on the command side). */
@RestController
class ContactLabelsController {

    private final ContactReader reader;

    ContactLabelsController(ContactReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts/{id}/labels")
    Map<String, List<String>> labels(@PathVariable long accountId, @PathVariable String id) {
        ContactDocument contact = reader.find(accountId, ContactIds.parse(id))
                .orElseThrow(ContactNotFoundException::new);
        return Map.of("payload", contact.labels());
    }
}
