package io.contacts.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dead-letter topic of the projection and the consumer group that replays it.
 *
 * @param topic       by default the events topic's name with {@code .dlt}
 * @param partitions  records are keyed by contact, so a contact's dead letters stay in order in any number
 * @param retentionMs how long Kafka keeps a dead letter; -1 (the default): until someone deleted the topic
 * @param replayGroup whose committed offsets mark where the last replay stopped
 */
@ConfigurationProperties("contacts.projection.dead-letters")
record DeadLetterProperties(String topic, int partitions, long retentionMs, String replayGroup) {
}
