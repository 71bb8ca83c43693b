package io.contacts.query.projection;

import io.contacts.events.ContactTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a range of the events topic to a given index: a consumer of no group (partitions assigned by hand, nothing
 * committed, so the live projection's group is untouched), folding onto that index's documents with external
 * versions, so events it already has change nothing.
 */
@Component
class ProjectionCatchUp {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<?, ?> consumers;
    private final ProjectionStore store;
    private final String topic;

    ProjectionCatchUp(ConsumerFactory<?, ?> consumers, ProjectionStore store,
                      @Value("${contacts.kafka.events-topic:" + ContactTopics.EVENTS + "}") String topic) {
        this.consumers = consumers;
        this.store = store;
        this.topic = topic;
    }

    /** The offset after the last record of each partition, now. */
    Map<TopicPartition, Long> endOffsets() {
        try (Consumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /**
     * Applies the records from {@code from} (inclusive) to {@code to} (exclusive) of each partition to the index.
     *
     * @param touched collects the contacts whose events were applied
     * @return the number of records read
     */
    long apply(String index, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Set<Long> touched) {
        Map<TopicPartition, Long> pending = new HashMap<>();
        to.forEach((partition, end) -> {
            long start = from.getOrDefault(partition, 0L);
            if (start < end) {
                pending.put(partition, start);
            }
        });
        if (pending.isEmpty()) {
            return 0;
        }
        long read = 0;
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.assign(pending.keySet());
            pending.forEach(consumer::seek);
            while (!pending.isEmpty()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Map<Long, List<EventRecord>> byContact = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!pending.containsKey(partition) || record.offset() >= to.get(partition)) {
                        continue;
                    }
                    read++;
                    try {
                        EventRecord event = EventRecordDecoder.decode(record);
                        byContact.computeIfAbsent(event.contactId(), id -> new ArrayList<>()).add(event);
                    } catch (PoisonEventException e) {
                        // the live projector reports it; a rebuild cannot do better
                    }
                }
                fold(index, byContact);
                touched.addAll(byContact.keySet());
                for (TopicPartition partition : Set.copyOf(pending.keySet())) {
                    if (consumer.position(partition) >= to.get(partition)) {
                        pending.remove(partition);
                        consumer.pause(Set.of(partition));
                    }
                }
            }
        }
        return read;
    }

    private void fold(String index, Map<Long, List<EventRecord>> byContact) {
        if (byContact.isEmpty()) {
            return;
        }
        Map<Long, ContactDocument> current = store.current(index, byContact.keySet());
        List<ContactDocument> changed = new ArrayList<>();
        byContact.forEach((contactId, events) -> {
            ContactDocument document = ContactFold.fold(current.get(contactId), events).document();
            if (document != null) {
                changed.add(document);
            }
        });
        if (!changed.isEmpty()) {
            store.writeRetrying(index, changed);
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        // no group id: the Boot consumer configuration has none (the listener names its own)
        return (Consumer<String, byte[]>) consumers.createConsumer(null, "projection-rebuild", null);
    }
}
