package io.contacts.query.projection;

import io.contacts.events.ContactTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Samples how far the projection's consumer group is behind, per partition of the events topic, from Kafka itself
 * (end offsets and the group's committed offsets), so a stuck or absent consumer shows as well as a slow one; and how
 * many dead letters wait for a replay. Every instance reports the same group-wide values.
 */
@Component
class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long TIMEOUT_SECONDS = 10;
    private static final Duration READ_DEADLINE = Duration.ofSeconds(2);

    private final Admin admin;
    private final ConsumerFactory<?, ?> consumers;
    private final MeterRegistry meters;
    private final String topic;
    private final String group;
    private final DeadLetterProperties deadLetters;
    private final Map<Integer, PartitionLag> partitions = new ConcurrentHashMap<>();
    private volatile long deadLettersPending;
    private Consumer<?, ?> reader;

    ProjectionLag(KafkaAdmin kafkaAdmin, ConsumerFactory<?, ?> consumers, MeterRegistry meters,
                  @Value("${contacts.kafka.events-topic:" + ContactTopics.EVENTS + "}") String topic,
                  @Value("${contacts.kafka.group}") String group, DeadLetterProperties deadLetters) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.consumers = consumers;
        this.meters = meters;
        this.topic = topic;
        this.group = group;
        this.deadLetters = deadLetters;
        Gauge.builder("contacts.projection.dead.letters.pending", this, lag -> lag.deadLettersPending)
                .description("Dead letters after the replay group's committed offsets")
                .tag("topic", deadLetters.topic()).register(meters);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${contacts.projection.lag.interval}")
    synchronized void sample() {
        try {
            sampleProjection();
            deadLettersPending = behind(deadLetters.topic(), deadLetters.replayGroup()).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Cannot sample the projection lag: {}", e.toString());
        }
    }

    private void sampleProjection() throws Exception {
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> behind = behind(topic, group, start);
        Map<TopicPartition, Long> oldest = oldestTimestamps(behind.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> start.get(e.getKey()))));
        long now = System.currentTimeMillis();
        behind.forEach((partition, records) -> lagOf(partition).update(records, oldest.get(partition), now));
    }

    private Map<TopicPartition, Long> behind(String topicName, String groupId) throws Exception {
        return behind(topicName, groupId, new HashMap<>());
    }

    /** Records after the group's committed offset (or the earliest, if none), per partition; fills {@code start}. */
    private Map<TopicPartition, Long> behind(String topicName, String groupId, Map<TopicPartition, Long> start)
            throws Exception {
        List<TopicPartition> topicPartitions = admin.describeTopics(List.of(topicName)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topicName).partitions().stream()
                .map(info -> new TopicPartition(topicName, info.partition())).toList();
        Map<TopicPartition, Long> end = offsets(topicPartitions, OffsetSpec.latest());
        Map<TopicPartition, Long> earliest = offsets(topicPartitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (TopicPartition partition : topicPartitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = Math.max(earliest.get(partition), done == null ? 0 : done.offset());
            start.put(partition, from);
            behind.put(partition, PartitionLag.records(end.get(partition), from));
        }
        return behind;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> topicPartitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(
                topicPartitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The timestamp of the record at each given offset: the oldest one the projection has not applied yet. */
    private Map<TopicPartition, Long> oldestTimestamps(Map<TopicPartition, Long> at) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        if (at.isEmpty()) {
            return timestamps;
        }
        Consumer<?, ?> consumer = reader();
        consumer.assign(at.keySet());
        at.forEach(consumer::seek);
        long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
        while (timestamps.size() < at.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                timestamps.putIfAbsent(partition, record.timestamp());
                consumer.pause(List.of(partition));
            }
        }
        consumer.resume(consumer.paused());
        return timestamps;
    }

    private Consumer<?, ?> reader() {
        if (reader == null) {
            // not through the factory: its metrics would show this reader's own lag next to the projection's
            Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "projection-lag");
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reader;
    }

    private PartitionLag lagOf(TopicPartition partition) {
        return partitions.computeIfAbsent(partition.partition(), number -> {
            PartitionLag lag = new PartitionLag();
            String partitionTag = String.valueOf(number);
            Gauge.builder("contacts.projection.lag.records", lag, PartitionLag::records)
                    .description("Events of the partition the projection has not applied yet")
                    .tags("topic", topic, "partition", partitionTag).register(meters);
            Gauge.builder("contacts.projection.lag.seconds", lag, PartitionLag::seconds)
                    .description("Age of the oldest event of the partition the projection has not applied yet")
                    .tags("topic", topic, "partition", partitionTag).register(meters);
            return lag;
        });
    }

    @Override
    public synchronized void destroy() {
        admin.close(Duration.ofSeconds(5));
        if (reader != null) {
            reader.close();
        }
    }
}
