package io.contacts.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * {@code contacts_publisher_lag_events{processor}}: events stored but not yet published, the event store's head
 * (highest global index) minus the processor's position (the lowest of its segments' tokens). It covers the segments
 * this instance works; NaN while it works none (starting, or another instance holds them).
 */
@Component
class PublisherLag implements MeterBinder {

    static final String LAG = "contacts.publisher.lag";

    private final ObjectProvider<EventStore> store;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    /** Looked up at each scrape: the meter registry is bound before Axon's configuration is complete. */
    PublisherLag(ObjectProvider<EventStore> store, ObjectProvider<EventProcessingConfiguration> processing) {
        this.store = store;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : List.of(PublisherProcessor.EVENTS, PublisherProcessor.STATE)) {
            Gauge.builder(LAG, () -> lag(processor)).tag("processor", processor).baseUnit("events")
                    .description("Events stored but not yet published by the processor").register(registry);
        }
    }

    double lag(String processor) {
        Collection<EventTrackerStatus> segments = processing.getObject()
                .eventProcessor(processor, TrackingEventProcessor.class)
                .map(p -> p.processingStatus().values()).orElse(List.of());
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElseThrow();
        return Math.max(0, position(store.getObject().createHeadToken()) - position);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
