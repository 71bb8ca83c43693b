package io.contacts.query.projection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the dead-letter topic from where the last replay stopped (the replay group's committed offsets) up to its
 * end as of opening: what a replay dead-letters again lands after that end and waits for the next replay.
 */
final class DeadLetterCursor implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Reading a few records never takes this long; a broker that stops answering must not hang a request. */
    private static final Duration STALLED = Duration.ofSeconds(20);

    private final Consumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> end;
    private final Map<TopicPartition, Long> next = new HashMap<>();

    @SuppressWarnings("unchecked")
    DeadLetterCursor(ConsumerFactory<?, ?> factory, DeadLetterProperties properties) {
        consumer = (Consumer<String, byte[]>) factory.createConsumer(properties.replayGroup(), "dead-letters", null);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = Math.max(beginning.get(partition), done == null ? 0 : done.offset());
                consumer.seek(partition, from);
                next.put(partition, from);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    Consumer<String, byte[]> consumer() {
        return consumer;
    }

    /** Dead letters after the cursor and before the end. */
    long pending() {
        return next.entrySet().stream().mapToLong(e -> Math.max(0, end.get(e.getKey()) - e.getValue())).sum();
    }

    /** The next dead letters (at most {@code max}), partition by partition; empty at the end. */
    List<ConsumerRecord<String, byte[]>> next(int max) {
        List<ConsumerRecord<String, byte[]>> taken = new ArrayList<>();
        long deadline = System.nanoTime() + STALLED.toNanos();
        while (taken.isEmpty() && pending() > 0 && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
            for (TopicPartition partition : polled.partitions()) {
                for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                    if (taken.size() < max && record.offset() < end.get(partition)) {
                        taken.add(record);
                        next.put(partition, record.offset() + 1);
                    }
                }
                // records beyond what was taken are read again by the next call
                consumer.seek(partition, next.get(partition));
            }
        }
        return taken;
    }

    /** Marks everything returned so far as done for the next replay. */
    void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(offsets);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
