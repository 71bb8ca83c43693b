package io.contacts.query.contact;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Read-your-writes for the command-service (docs/internals.md; not routed by the edge): the contact as rendered
 * once the projection reached the write's sequence, {@code {"deleted":true}} when that write deleted it.
 */
@RestController
@RequestMapping("/internal/v1/accounts/{accountId}/contacts")
class InternalContactController {

    private final ContactAwaiter awaiter;
    private final AwaitProperties properties;
    private final ContactRendering rendering;

    InternalContactController(ContactAwaiter awaiter, AwaitProperties properties, ContactRendering rendering) {
        this.awaiter = awaiter;
        this.properties = properties;
        this.rendering = rendering;
    }

    @GetMapping("/{contactId}")
    CompletableFuture<Map<String, Object>> contact(
            @PathVariable long accountId, @PathVariable String contactId,
            @RequestParam(name = "min_sequence", defaultValue = "0") long minSequence,
            @RequestParam(name = "timeout_ms", required = false) Long timeoutMs,
            @RequestParam(name = "include_contact_inboxes", required = false) String include) {
        return awaiter.await(ContactIds.parse(contactId), minSequence, properties.bounded(timeoutMs)).thenApply(document -> {
            if (document.accountId() != accountId) {
                throw new ContactNotFoundException();
            }
            return document.deleted() ? Map.of("deleted", true)
                    : rendering.contact(document, IncludeContactInboxes.of(include));
        });
    }
}
