package io.contacts.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.presence.Presence;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Read-your-writes for the command-service (docs/internals.md): after a refresh made a bulk holding an awaited write
 * searchable, announces on {@code contacts.read-your-writes.topic} each of the bulk's contacts with the sequence it is
 * searchable at and whether it is online (one presence lookup per bulk), which every command-service instance reads.
 * Best effort: an announcement that cannot be sent leaves its writes to the command side's timeout.
 */
@Component
class SearchableNotices {

    private static final Logger log = LoggerFactory.getLogger(SearchableNotices.class);

    /** A contact searchable at {@code sequence}, and whether it was online. */
    record Entry(long id, long sequence, boolean online) {
    }

    private record Notice(List<Entry> contacts) {
    }

    private final Producer<String, byte[]> producer;
    private final Presence presence;
    private final ObjectMapper mapper;
    private final String topic;

    SearchableNotices(Producer<String, byte[]> searchableNoticesProducer, Presence presence, ObjectMapper mapper,
                      @Value("${contacts.read-your-writes.topic}") String topic) {
        this.producer = searchableNoticesProducer;
        this.presence = presence;
        this.mapper = mapper;
        this.topic = topic;
    }

    /**
     * What to announce once {@code documents} are searchable, at the sequences {@code searchable} gives: presence is
     * looked up now, while the refresh runs. An unknown presence is announced offline, as a read would fail to say.
     */
    List<Entry> entries(Collection<ContactDocument> documents, Map<Long, Long> searchable) {
        Set<Long> online;
        try {
            online = presence.onlineAmong(documents.stream().filter(d -> !d.deleted()).collect(Collectors.groupingBy(
                    ContactDocument::accountId, Collectors.mapping(ContactDocument::id, Collectors.toList()))));
        } catch (RuntimeException e) {
            log.warn("Presence of {} written contacts unknown, announced offline: {}", documents.size(), e.toString());
            online = Set.of();
        }
        Set<Long> onlineNow = online;
        return documents.stream().filter(d -> searchable.containsKey(d.id()))
                .map(d -> new Entry(d.id(), searchable.get(d.id()), onlineNow.contains(d.id()))).toList();
    }

    void announce(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, mapper.writeValueAsBytes(new Notice(entries))), (sent, failure) -> {
                if (failure != null) {
                    log.warn("Could not announce {} searchable contacts: {}", entries.size(), failure.toString());
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Could not announce {} searchable contacts: {}", entries.size(), e.toString());
        }
    }
}
