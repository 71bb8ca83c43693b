package io.contacts.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code contacts.kafka.*}: the events and state topics, their partition count at creation, and the tuning of the
 * {@code kafka-publisher} and {@code state-publisher} tracking processors (segments are shared by all instances; a
 * thread works one segment).
 */
@ConfigurationProperties("contacts.kafka")
public record KafkaPublishingProperties(String eventsTopic, String stateTopic, int partitions, Publisher publisher,
                                        Publisher statePublisher) {

    public record Publisher(int batchSize, int threads, int segments, Duration ackTimeout) {
    }
}
