package io.contacts.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code contacts.kafka.*}: the events topic, its partition count at creation, and the tuning of the
 * {@code kafka-publisher} tracking processor (segments are shared by all instances; a thread works one segment).
 */
@ConfigurationProperties("contacts.kafka")
public record KafkaPublishingProperties(String eventsTopic, int partitions, Publisher publisher) {

    public record Publisher(int batchSize, int threads, int segments, Duration ackTimeout) {
    }
}
