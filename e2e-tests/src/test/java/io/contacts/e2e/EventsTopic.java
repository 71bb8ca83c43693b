package io.contacts.e2e;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactTopics;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The stack's real {@code contacts.events.v1}, read from a point in time on (a dev stack holds millions of events:
 * reading from the beginning is no option for a test). Open it before causing the events to read.
 */
final class EventsTopic<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> read = new ArrayList<>();

    private EventsTopic(KafkaConsumer<String, V> consumer) {
        this.consumer = consumer;
    }

    /** Positioned at the first record of every partition written at or after {@code start}. */
    static <V> EventsTopic<V> from(Instant start, Class<? extends Deserializer<V>> values) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, values);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(ContactTopics.EVENTS, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndTimestamp> atStart = consumer.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> start.toEpochMilli())),
                Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = atStart.get(partition);
            consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
        }
        return new EventsTopic<>(consumer);
    }

    /**
     * Polls until the events of the account (distinct by contact and sequence: delivery is at least once) number at
     * least {@code expected}; all its records read, in the order read (offset order per partition).
     */
    List<ConsumerRecord<String, V>> readAccount(long accountId, int expected) {
        String account = String.valueOf(accountId);
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                        if (account.equals(header(record, CloudEventHeaders.ACCOUNT_ID))) {
                            read.add(record);
                        }
                    });
                    Set<String> distinct = new HashSet<>();
                    read.forEach(record -> distinct.add(record.key() + "/"
                            + header(record, CloudEventHeaders.SEQUENCE)));
                    return distinct.size() >= expected;
                });
        return List.copyOf(read);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
