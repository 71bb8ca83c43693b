package io.contacts.query.presence;

import io.contacts.query.contact.ContactIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Whether a contact is online, for the command-service's delete guard (docs/internals.md; not routed by the edge).
 * A contact that never sent a heartbeat, or does not exist, is simply offline.
 */
@RestController
class InternalPresenceController {

    private final Presence presence;

    InternalPresenceController(Presence presence) {
        this.presence = presence;
    }

    @GetMapping("/internal/v1/accounts/{accountId}/contacts/{contactId}/presence")
    Map<String, Object> presence(@PathVariable long accountId, @PathVariable String contactId) {
        return Map.of("online", presence.isOnline(accountId, ContactIds.parse(contactId)));
    }
}
