package io.contacts.command.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the query side announced searchable (contact, sequence, online), and the writes waiting for it. A waiter is a
 * future completed by the announcement that reaches its sequence, removed once it completes (also by its deadline),
 * so waiting holds no thread here and memory is bounded by the waiting requests. Announcements are also remembered
 * for a while (at most {@code contacts.read-your-writes.remembered} contacts): a waiter registered just after its
 * announcement went by still completes at once.
 */
@Component
class SearchableContacts {

    /**
     * A contact searchable at {@code sequence} (or later); whether it was online when that was announced, and whether
     * that was before the wait began (then the presence may be older than the question).
     */
    record Reached(long sequence, boolean online, boolean earlier) {

        Reached(long sequence, boolean online) {
            this(sequence, online, false);
        }
    }

    private record Waiter(long minSequence, CompletableFuture<Reached> reached) {
    }

    private final Map<Long, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Cache<Long, Reached> recent;

    SearchableContacts(@Value("${contacts.read-your-writes.timeout}") Duration timeout,
                       @Value("${contacts.read-your-writes.remembered}") long remembered) {
        this.recent = Caffeine.newBuilder().expireAfterWrite(timeout).maximumSize(remembered).build();
    }

    /** Completes when the contact is announced searchable at {@code minSequence} or later; never by itself. */
    CompletableFuture<Reached> await(long contactId, long minSequence) {
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
        // after registering: an announcement between the two is seen by one or the other
        Reached known = recent.getIfPresent(contactId);
        if (known != null && known.sequence() >= minSequence) {
            waiter.reached().complete(new Reached(known.sequence(), known.online(), true));
        }
        return waiter.reached();
    }

    /** Announced by the query side: the contact is searchable at this sequence. */
    void reached(long contactId, Reached reached) {
        recent.asMap().merge(contactId, reached, (old, now) -> now.sequence() >= old.sequence() ? now : old);
        List<Waiter> done = new ArrayList<>();
        waiters.computeIfPresent(contactId, (id, list) -> {
            list.stream().filter(w -> w.minSequence() <= reached.sequence()).forEach(done::add);
            return list;
        });
        // completed outside compute: completion removes the waiter, which must not re-enter the map's lock
        done.forEach(w -> w.reached().complete(reached));
    }
}
