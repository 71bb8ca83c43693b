package io.contacts.query.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contacts.query.projection.ProjectionProgress;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes for many contacts at once (a batch upsert; docs/internals.md; not routed by the edge): answers
 * {@code {"searchable":true}} once every contact is searchable at (at least) its sequence, 504 when the wait runs out.
 * Waits as {@link ContactAwaiter} does: woken by the projector, re-checked against Elasticsearch for what is already
 * searchable or another instance wrote; no thread is held while waiting.
 */
@RestController
class SearchableContactsController {

    record Awaited(long id, @JsonProperty("min_sequence") long minSequence) {
    }

    record Request(List<Awaited> contacts, @JsonProperty("timeout_ms") Long timeoutMs) {
    }

    private final ProjectionProgress progress;
    private final ContactReader reader;
    private final AwaitProperties properties;

    SearchableContactsController(ProjectionProgress progress, ContactReader reader, AwaitProperties properties) {
        this.progress = progress;
        this.reader = reader;
        this.properties = properties;
    }

    @PostMapping("/internal/v1/accounts/{accountId}/contacts/searchable")
    CompletableFuture<Map<String, Object>> searchable(@PathVariable long accountId, @RequestBody Request request) {
        Map<Long, Long> wanted = new HashMap<>();
        if (request.contacts() != null) {
            request.contacts().forEach(contact -> wanted.merge(contact.id(), contact.minSequence(), Math::max));
        }
        long timeout = properties.bounded(request.timeoutMs()).toMillis();
        CompletableFuture<?>[] reached = wanted.entrySet().stream()
                .map(contact -> progress.awaitSequence(contact.getKey(), contact.getValue())
                        .orTimeout(timeout, TimeUnit.MILLISECONDS))
                .toArray(CompletableFuture[]::new);
        try {
            if (!wanted.isEmpty()) {
                reader.searchableSequences(wanted.keySet()).forEach(progress::reached);
            }
        } catch (ServiceUnavailableException e) {
            for (CompletableFuture<?> waiter : reached) {
                waiter.cancel(false);
            }
            throw e;
        }
        return CompletableFuture.allOf(reached).handle((done, failure) -> {
            if (failure != null) {
                for (CompletableFuture<?> waiter : reached) {
                    waiter.cancel(false);
                }
                throw new ProjectionTimeoutException();
            }
            return Map.of("searchable", true);
        });
    }
}
