package io.contacts.command.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads the query side's announcements of what became searchable (after each refresh that holds an awaited write,
 * docs/internals.md) and completes the waiting writes. Every command-service instance reads every announcement, from
 * the end of the topic at its start: whichever query-service instance projected a write, the instance whose request
 * waits for it learns it here.
 */
@Component
class SearchableNotices implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(SearchableNotices.class);

    /** One announcement: the contacts a refresh made searchable, at which sequence, and who was online then. */
    record Notice(List<Entry> contacts) {
        record Entry(long id, long sequence, boolean online) {
        }
    }

    private final SearchableContacts searchable;
    private final ObjectMapper mapper;

    SearchableNotices(SearchableContacts searchable, ObjectMapper mapper) {
        this.searchable = searchable;
        this.mapper = mapper;
    }

    @KafkaListener(id = "searchable-notices",
            topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = "${contacts.read-your-writes.topic}", partitions = "0"),
            containerFactory = ReadYourWritesConfiguration.LISTENER_FACTORY)
    void notice(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                mapper.readValue(record.value(), Notice.class).contacts().forEach(entry ->
                        searchable.reached(entry.id(), new SearchableContacts.Reached(entry.sequence(), entry.online())));
            } catch (IOException | RuntimeException e) {
                log.warn("Ignored an unreadable searchable notice at offset {}: {}", record.offset(), e.toString());
            }
        }
    }

    /** Only what is announced from now on can concern a waiting write. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToEnd(assignments.keySet());
    }
}
