package io.contacts.query.projection;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells waiters when a contact's document reached a sequence and is searchable. The projector reports each bulk
 * it wrote, with the documents, so that a waiter needs no read; anyone who saw a newer document elsewhere (another
 * instance wrote it) may report its sequence too. A waiter is removed as soon as its future completes, also by a
 * timeout, so memory is bounded by the waiting requests.
 */
@Component
public class ProjectionProgress {

    private record Waiter(long minSequence, CompletableFuture<Optional<ContactDocument>> reached) {
    }

    private final Map<Long, List<Waiter>> waiters = new ConcurrentHashMap<>();

    /**
     * Completes when {@link #reached} reports this contact at {@code minSequence} or later, with the searchable
     * document when the report had it; never by itself.
     */
    public CompletableFuture<Optional<ContactDocument>> awaitSequence(long contactId, long minSequence) {
        Waiter waiter = new Waiter(minSequence, new CompletableFuture<>());
        waiters.compute(contactId, (id, list) -> {
            List<Waiter> waiting = list == null ? new ArrayList<>() : list;
            waiting.add(waiter);
            return waiting;
        });
        waiter.reached().whenComplete((ignored, failure) -> waiters.computeIfPresent(contactId, (id, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        return waiter.reached();
    }

    /** This document is searchable. */
    public void reached(ContactDocument document) {
        reached(document.id(), document.sequence(), Optional.of(document));
    }

    /** This contact's document is searchable at this sequence (or a later one). */
    public void reached(long contactId, long sequence) {
        reached(contactId, sequence, Optional.empty());
    }

    private void reached(long contactId, long sequence, Optional<ContactDocument> document) {
        List<Waiter> done = new ArrayList<>();
        waiters.computeIfPresent(contactId, (id, list) -> {
            list.stream().filter(w -> w.minSequence() <= sequence).forEach(done::add);
            return list;
        });
        // completed outside compute: completion removes the waiter, which must not re-enter the map's lock
        done.forEach(w -> w.reached().complete(document));
    }

    public Set<Long> awaitedContacts() {
        return Set.copyOf(waiters.keySet());
    }
}
