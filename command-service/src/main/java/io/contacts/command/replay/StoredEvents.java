package io.contacts.command.replay;

import io.contacts.events.ContactEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event store in contact order: keyset pages on (aggregate identifier, sequence number), which Axon's
 * unique index serves, so each page is an index range scan however far the cursor is, and every contact's events
 * come together and in order (a reader folds a contact completely without looking anything up).
 */
@Component
class StoredEvents {

    /** One stored contact event, deserialised with the serializer that wrote it. */
    record Stored(String aggregateId, long sequence, Instant time, ContactEvent event) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Up to {@code limit} events after the cursor, in contact order; events of other aggregates are left out. */
    List<Stored> after(ReplayCursor cursor, int limit) {
        String sql = "SELECT aggregateidentifier, sequencenumber, timestamp, payload, payloadtype, payloadrevision "
                + "FROM domainevententry WHERE (aggregateidentifier, sequencenumber) > (?, ?) "
                + "ORDER BY aggregateidentifier, sequencenumber LIMIT ?";
        List<Stored> page = new ArrayList<>(limit);
        jdbc.query(sql, row -> {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                    byte[].class, row.getString("payloadtype"), row.getString("payloadrevision")));
            // the cursor must pass every row, also one this reader skips
            page.add(new Stored(row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                    Instant.parse(row.getString("timestamp")),
                    payload instanceof ContactEvent event ? event : null));
        }, cursor.aggregateId(), cursor.sequence(), limit);
        return page;
    }
}
