package io.contacts.query.projection;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Projects the contact events into Elasticsearch, a batch at a time: decode, group by contact, read the current
 * documents, fold, write them versioned, dead-letter what cannot be applied, then commit the offsets. A failure
 * before the commit redelivers the batch, which the sequence check turns into no-ops for what was already applied
 * (at-least-once, exactly-once effect; a dead letter may be sent twice).
 */
@Component
class ContactProjector implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ContactProjector.class);

    private final ContactIndex index;
    private final ProjectionStore store;
    private final OwnedDocuments documents;
    private final SearchableNotices notices;
    private final DeadLetters deadLetters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final int refreshBelow;
    private final SharedRefresh refresh;
    /**
     * Listener batches own disjoint partitions, hence disjoint contacts, and run side by side; a replay batch may
     * touch any contact, so it runs alone: two writers folding the same contact from one read would lose events.
     */
    private final ReadWriteLock writers = new ReentrantReadWriteLock();

    ContactProjector(ContactIndex index, ProjectionStore store, OwnedDocuments documents, SearchableNotices notices,
                     DeadLetters deadLetters, MeterRegistry meters,
                     @Value("${contacts.projection.refresh-below}") int refreshBelow) {
        this.index = index;
        this.refreshBelow = refreshBelow;
        this.refresh = new SharedRefresh(store::refresh, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-refresh");
            thread.setDaemon(true);
            return thread;
        }));
        this.store = store;
        this.documents = documents;
        this.notices = notices;
        this.deadLetters = deadLetters;
        this.applied = meters.counter("contacts.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("contacts.projection.events", "outcome", "duplicate");
        this.deadLettered = meters.counter("contacts.projection.events", "outcome", "dead_lettered");
    }

    /** A record that cannot be applied, and why. */
    record Poison(ConsumerRecord<String, byte[]> record, PoisonEventException cause) {
    }

    /** What a batch did: events applied, events the documents already had, records to dead-letter (in order). */
    record Applied(int applied, int duplicates, List<Poison> poison) {
    }

    @KafkaListener(id = "contact-projection", groupId = "${contacts.kafka.group}",
            topics = "${contacts.kafka.events-topic:" + ContactTopics.EVENTS + "}")
    void project(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment, Consumer<?, ?> consumer) {
        Applied result = locked(writers.readLock(), () -> apply(records, true));
        result.poison().forEach(poison -> deadLetters.send(poison.record(), consumer, poison.cause()));
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        deadLettered.increment(result.poison().size());
        acknowledgment.acknowledge();
    }

    /**
     * Applies records of the dead-letter topic, alone; the caller dead-letters what is still poison. Its contacts may
     * belong to any partition, so it reads them all from Elasticsearch and leaves no document in memory.
     */
    Applied replay(List<ConsumerRecord<String, byte[]>> records) {
        return locked(writers.writeLock(), () -> {
            try {
                return apply(records, false);
            } finally {
                documents.dropAll();
            }
        });
    }

    /** Another consumer owns these partitions' contacts from now on: what is kept of them may go stale. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            documents.dropAll();
        }
    }

    private static <T> T locked(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** @param owned the records come from this listener's partitions (their contacts' documents may be kept) */
    private Applied apply(List<ConsumerRecord<String, byte[]>> records, boolean owned) {
        index.ensureCreated();
        List<Poison> poison = new ArrayList<>();
        Map<EventRecord, ConsumerRecord<String, byte[]>> origins = new IdentityHashMap<>();
        Map<Long, List<EventRecord>> byContact = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventRecord event = EventRecordDecoder.decode(record);
                origins.put(event, record);
                byContact.computeIfAbsent(event.contactId(), id -> new ArrayList<>()).add(event);
            } catch (PoisonEventException e) {
                poison.add(new Poison(record, e));
            }
        }
        if (byContact.isEmpty()) {
            return new Applied(0, 0, poison);
        }
        OwnedDocuments.Read read = owned ? documents.current(byContact, store::current)
                : new OwnedDocuments.Read(store.current(byContact.keySet()), 0);
        Map<Long, ContactDocument> current = read.documents();
        Map<Long, ContactFold.Folded> folds = new LinkedHashMap<>();
        byContact.forEach((contactId, events) -> {
            ContactFold.Folded folded = ContactFold.fold(current.get(contactId), events);
            folded.orphans().forEach(orphan -> poison.add(new Poison(origins.get(orphan), orphan(orphan))));
            if (folded.gaps() > 0) {
                log.warn("Contact {} skipped sequence numbers: events before the ones applied are missing", contactId);
            }
            folds.put(contactId, folded);
        });
        List<ContactDocument> changed = folds.values().stream().map(ContactFold.Folded::document)
                .filter(Objects::nonNull).toList();
        ProjectionStore.Written written = changed.isEmpty() ? ProjectionStore.Written.NOTHING
                : write(changed, awaited(records));
        Map<Long, String> rejected = written.rejected();
        if (owned) {
            // a conflict: Elasticsearch has a later version than the one folded here, written by someone else
            if (!written.conflicts().isEmpty()) {
                documents.drop(written.conflicts());
            }
            // a fold that skipped sequence numbers may stand on a stale base that a rebuild's repair rewrites
            documents.keep(read, written.index(), changed.stream()
                    .filter(document -> !rejected.containsKey(document.id())
                            && !written.conflicts().contains(document.id()) && folds.get(document.id()).gaps() == 0)
                    .toList());
        }
        rejected.forEach((contactId, why) -> folds.get(contactId).applied().forEach(event ->
                poison.add(new Poison(origins.get(event), new PoisonEventException(PoisonEventException.Reason.REJECTED,
                        "Elasticsearch rejected contact " + contactId + " at sequence " + event.sequence() + ": "
                                + why)))));
        int appliedEvents = folds.entrySet().stream().filter(fold -> !rejected.containsKey(fold.getKey())
                        && !written.conflicts().contains(fold.getKey()))
                .mapToInt(fold -> fold.getValue().applied().size()).sum();
        int duplicateEvents = folds.entrySet().stream().mapToInt(fold -> fold.getValue().duplicates()
                + (written.conflicts().contains(fold.getKey()) ? fold.getValue().applied().size() : 0)).sum();
        // in their original order, so that a contact's dead letters stay in order
        poison.sort(Comparator.comparingInt((Poison p) -> p.record().partition())
                .thenComparingLong(p -> p.record().offset()));
        return new Applied(appliedEvents, duplicateEvents, poison);
    }

    /** Whether a request waits until one of these events is searchable (the command side marks its events). */
    private static boolean awaited(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().anyMatch(record -> record.headers().lastHeader(CloudEventHeaders.AWAITED) != null);
    }

    private ProjectionStore.Written write(List<ContactDocument> changed, boolean awaited) {
        // A bulk holding an awaited write is made searchable at once and announced; a small one is made searchable at
        // once too (a few background writes, the end of an import), unannounced. Large bulks of a catch-up or an
        // import wait for the index's next scheduled refresh, about a second. The batch does not wait for the refresh: its offsets
        // commit meanwhile. A failed refresh is tried once more; after that the awaited writes answer at their timeout.
        ProjectionStore.Written written = store.write(changed);
        if (awaited) {
            CompletableFuture<Void> refreshed = refresh.request();
            // a document Elasticsearch had at its version already (a redelivery) is announced too
            List<SearchableNotices.Entry> entries = notices.entries(changed, written.searchable());
            refreshed.exceptionallyCompose(failure -> refresh.request()).thenRun(() -> notices.announce(entries));
        } else if (changed.size() < refreshBelow) {
            refresh.request();
        }
        return written;
    }

    private static PoisonEventException orphan(EventRecord orphan) {
        return new PoisonEventException(PoisonEventException.Reason.ORPHAN, "Contact " + orphan.contactId()
                + " has no document and " + orphan.event().getClass().getSimpleName() + " at sequence "
                + orphan.sequence() + " does not create one");
    }
}
