package io.contacts.query.projection;

import io.contacts.events.ContactTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projects the contact events into Elasticsearch, a batch at a time: decode, group by contact, read the current
 * documents, fold, write them versioned, then commit the offsets. A failure before the commit redelivers the batch,
 * which the sequence check turns into no-ops for what was already applied (at-least-once, exactly-once effect).
 */
@Component
class ContactProjector {

    private static final Logger log = LoggerFactory.getLogger(ContactProjector.class);

    private final ContactIndex index;
    private final ProjectionStore store;
    private final ProjectionProgress progress;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter skipped;
    private final int refreshBelow;

    ContactProjector(ContactIndex index, ProjectionStore store, ProjectionProgress progress, MeterRegistry meters,
                     @Value("${contacts.projection.refresh-below}") int refreshBelow) {
        this.index = index;
        this.refreshBelow = refreshBelow;
        this.store = store;
        this.progress = progress;
        this.applied = meters.counter("contacts.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("contacts.projection.events", "outcome", "duplicate");
        this.skipped = meters.counter("contacts.projection.events", "outcome", "skipped");
    }

    @KafkaListener(id = "contact-projection", groupId = "${contacts.kafka.group}",
            topics = "${contacts.kafka.events-topic:" + ContactTopics.EVENTS + "}")
    void project(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        index.ensureCreated();
        Map<Long, List<EventRecord>> byContact = decode(records);
        if (!byContact.isEmpty()) {
            Map<Long, ContactDocument> current = store.current(byContact.keySet());
            List<ContactDocument> changed = new ArrayList<>();
            byContact.forEach((contactId, events) -> {
                ContactFold.Folded folded = ContactFold.fold(current.get(contactId), events);
                report(contactId, events, folded);
                if (folded.document() != null) {
                    changed.add(folded.document());
                }
            });
            if (!changed.isEmpty()) {
                // A refresh per bulk makes a write searchable at once (read-your-writes) but costs a new segment each
                // time: bulks of a catch-up or an import refresh only when someone waits for one of their contacts;
                // the others become searchable at the index's next scheduled refresh (about a second), and waiters
                // that came too late find them by their own re-check.
                Set<Long> awaited = progress.awaitedContacts();
                boolean refresh = changed.size() < refreshBelow
                        || changed.stream().anyMatch(document -> awaited.contains(document.id()));
                Map<Long, Long> written = store.write(changed, refresh);
                if (refresh) {
                    written.forEach(progress::reached);
                }
            }
        }
        acknowledgment.acknowledge();
    }

    private Map<Long, List<EventRecord>> decode(List<ConsumerRecord<String, byte[]>> records) {
        Map<Long, List<EventRecord>> byContact = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventRecord event = EventRecordDecoder.decode(record);
                byContact.computeIfAbsent(event.contactId(), id -> new ArrayList<>()).add(event);
            } catch (EventRecordDecoder.MalformedEventException e) {
                skipped.increment();
                log.error("Skipped malformed event at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return byContact;
    }

    private void report(long contactId, List<EventRecord> events, ContactFold.Folded folded) {
        int orphans = folded.orphans().size();
        applied.increment(events.size() - folded.duplicates() - orphans);
        duplicates.increment(folded.duplicates());
        skipped.increment(orphans);
        folded.orphans().forEach(orphan -> log.error(
                "Skipped {} at sequence {} of contact {}: the contact has no document and this event does not "
                        + "create one", orphan.event().getClass().getSimpleName(), orphan.sequence(), contactId));
        if (folded.gaps() > 0) {
            log.warn("Contact {} skipped sequence numbers: events before the ones applied are missing", contactId);
        }
    }
}
