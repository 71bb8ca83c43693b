package io.contacts.query.projection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last step of a switching rebuild. Until the switch the live projector wrote to the old index only; a contact it
 * changed there just before the switch may be behind in the new index when the projector, right after the switch,
 * folds that contact's next event onto it (a gap, or an orphan when the create was the missing event). Those contacts
 * all had events between the last catch-up and the end offsets after the switch, so once the live projector has gone
 * past those offsets, each of them is checked against the event store and rewritten from it if it differs.
 */
@Component
class RebuildRepair {

    private static final Logger log = LoggerFactory.getLogger(RebuildRepair.class);
    private static final int ROUNDS = 5;
    private static final Duration PROJECTOR_WAIT = Duration.ofSeconds(60);
    private static final int PAGE = 1000;

    private final ProjectionCatchUp catchUp;
    private final StoredEventPages pages;
    private final ProjectionStore store;
    private final OwnedDocuments liveDocuments;
    private final KafkaAdmin kafka;
    private final String group;

    RebuildRepair(ProjectionCatchUp catchUp, StoredEventPages pages, ProjectionStore store,
                  OwnedDocuments liveDocuments, KafkaAdmin kafka, @Value("${contacts.kafka.group}") String group) {
        this.catchUp = catchUp;
        this.pages = pages;
        this.store = store;
        this.liveDocuments = liveDocuments;
        this.kafka = kafka;
        this.group = group;
    }

    /** @return the contacts rewritten */
    int repair(String index, Set<Long> contacts) throws InterruptedException {
        int repaired = 0;
        for (int round = 0; round < ROUNDS && !contacts.isEmpty(); round++) {
            awaitProjector(catchUp.endOffsets());
            List<ContactDocument> rewrites = new ArrayList<>();
            Map<Long, ContactDocument> current = store.current(index, contacts);
            for (long contact : contacts) {
                // against the whole store, not up to the document's sequence: a document can also be behind, when the
                // projector dead-lettered the contact's next event as an orphan before the create was brought over
                ContactDocument latest = ContactFold.fold(null, stored(contact)).document();
                if (latest != null && !Objects.equals(current.get(contact), latest)) {
                    rewrites.add(latest);
                }
            }
            if (rewrites.isEmpty()) {
                break;
            }
            log.warn("Rebuild into {}: {} contacts written by the live projector on a stale base, rewritten from "
                    + "the event store", index, rewrites.size());
            store.overwrite(index, rewrites);
            // the live projector may keep what it folded on the stale base, at the version just replaced
            liveDocuments.drop(rewrites.stream().map(ContactDocument::id).toList());
            repaired += rewrites.size();
        }
        return repaired;
    }

    /** The contact's events in the store, in order (its events come together in the stream's contact order). */
    private List<EventRecord> stored(long contact) {
        List<EventRecord> events = new ArrayList<>();
        String cursor = contact + ":-1";
        while (cursor != null) {
            StoredEventPages.Page page = pages.after(cursor, PAGE);
            for (EventRecord event : page.events()) {
                if (event.contactId() != contact) {
                    return events;
                }
                events.add(event);
            }
            cursor = page.next();
        }
        return events;
    }

    /** Waits until the live projection's group has committed these offsets (or the wait's deadline passed). */
    private void awaitProjector(Map<TopicPartition, Long> offsets) throws InterruptedException {
        long deadline = System.nanoTime() + PROJECTOR_WAIT.toNanos();
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean passed = offsets.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
                if (passed) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Cannot read the offsets of group {}: {}", group, e.getMessage());
            return;
        }
        log.warn("The live projection did not reach {} within {}; checking the contacts anyway", offsets,
                PROJECTOR_WAIT);
    }
}
