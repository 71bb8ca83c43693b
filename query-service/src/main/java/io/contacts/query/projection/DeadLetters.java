package io.contacts.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends records the projector cannot apply to the dead-letter topic with Spring Kafka's recoverer: the original key,
 * value and headers, Spring's {@code kafka_dlt-*} headers (the cause, where the record came from) and ours (reason
 * code, attempt). A send returns once Kafka acknowledged it, so the caller commits the batch's offsets only after.
 */
@Component
class DeadLetters {

    /** malformed, unknown_type, orphan or rejected: {@link PoisonEventException.Reason} */
    static final String REASON = "contacts_dlt-reason";
    /** 1 when first dead-lettered, one more each time a replay dead-letters it again */
    static final String ATTEMPT = "contacts_dlt-attempt";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final MeterRegistry meters;

    DeadLetters(KafkaOperations<?, ?> kafka, DeadLetterProperties properties, MeterRegistry meters) {
        this.meters = meters;
        // no partition: Kafka picks it by key, so a contact's dead letters keep their order
        this.recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, cause) -> new TopicPartition(properties.topic(), -1));
        // a dead letter dead-lettered again by a replay keeps the events topic as its origin ...
        recoverer.setAppendOriginalHeaders(false);
        // ... and only the latest cause
        recoverer.setStripPreviousExceptionHeaders(true);
        recoverer.setFailIfSendResultIsError(true);
        recoverer.addHeadersFunction((record, cause) -> headers(record.headers(), (PoisonEventException) cause));
    }

    /** Created by Spring Kafka's admin at start-up when missing; never compacted: every dead letter counts. */
    static NewTopic topic(DeadLetterProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.retentionMs()))
                .build();
    }

    /** @throws org.springframework.kafka.KafkaException when Kafka did not acknowledge it: retry the batch */
    void send(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer, PoisonEventException cause) {
        recoverer.accept(record, consumer, cause);
        meters.counter("contacts.projection.dead.letters", "reason", cause.reason().code()).increment();
        log.warn("Dead-lettered {}-{}@{} (key {}), {}: {}", record.topic(), record.partition(), record.offset(),
                record.key(), cause.reason().code(), cause.getMessage());
    }

    static Headers headers(Headers existing, PoisonEventException cause) {
        // single-record headers replace those of an earlier dead-lettering instead of adding to them
        return new RecordHeaders(new Header[]{
                new DeadLetterPublishingRecoverer.SingleRecordHeader(REASON, utf8(cause.reason().code())),
                new DeadLetterPublishingRecoverer.SingleRecordHeader(ATTEMPT,
                        utf8(String.valueOf(attempt(existing) + 1)))
        });
    }

    /** How often this record was dead-lettered already: 0 for a record of the events topic. */
    static int attempt(Headers headers) {
        Header header = headers.lastHeader(ATTEMPT);
        if (header == null || header.value() == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
