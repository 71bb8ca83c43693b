package io.contacts.command.publishing;

import io.contacts.events.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the publishers' records and counts each one Kafka acknowledged, by topic and CloudEvents type
 * ({@code contacts_published_events_total}). A batch sent again after a failure counts again: at least once.
 */
@Component
class CountingSender {

    static final String PUBLISHED = "contacts.published.events";

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry registry;

    CountingSender(KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    CompletableFuture<?> send(ProducerRecord<String, byte[]> record) {
        Counter published = Counter.builder(PUBLISHED)
                .description("Records the publishers sent and Kafka acknowledged")
                .tag("topic", record.topic()).tag("type", type(record))
                .register(registry);
        return kafka.send(record).whenComplete((result, failure) -> {
            if (failure == null) {
                published.increment();
            }
        });
    }

    private static String type(ProducerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
    }
}
