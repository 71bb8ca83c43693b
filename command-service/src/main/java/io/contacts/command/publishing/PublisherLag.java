package io.contacts.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code contacts_publisher_lag_events{processor}}: events stored but not yet published, the event store's head (its
 * highest global index) minus the processor's position (the lowest of its segments' tokens in {@code tokenentry}).
 * Read from PostgreSQL at each scrape, so it covers every instance's segments and keeps growing while a processor
 * is stopped or failing; a processor without tokens yet has published nothing.
 */
@Component
class PublisherLag implements MeterBinder {

    static final String LAG = "contacts.publisher.lag";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Serializer> tokenSerializer;

    /** The serializer is looked up at the first scrape: meters are bound before Axon's configuration is complete. */
    PublisherLag(JdbcTemplate jdbc, ObjectProvider<Serializer> tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : List.of(PublisherProcessor.EVENTS, PublisherProcessor.STATE)) {
            Gauge.builder(LAG, () -> lag(processor)).tag("processor", processor).baseUnit("events")
                    .description("Events stored but not yet published by the processor").register(registry);
        }
    }

    long lag(String processor) {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry "
                + "WHERE processorname = ? AND token IS NOT NULL", (row, i) -> position(row.getBytes(1),
                row.getString(2)), processor);
        long position = positions.stream().mapToLong(Long::longValue).min().orElse(0);
        return Math.max(0, head - position);
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = tokenSerializer.getObject()
                .deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
