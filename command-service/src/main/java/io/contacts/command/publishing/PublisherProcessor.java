package io.contacts.command.publishing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The publishing tracking processors: each reads the event store in global order from its very beginning (Axon's
 * default would start at the head and skip what was stored before the first start), per-contact sequencing (Axon's
 * default policy keeps one contact in one segment), and failures that propagate: the batch rolls back, the token
 * stays, and the processor retries with its back-off (1 s doubling to 60 s) instead of logging and moving on.
 */
public final class PublisherProcessor {

    /** Every event to the events topic ({@link KafkaEventPublisher}). */
    public static final String EVENTS = "kafka-publisher";
    /** Each contact's state after its events to the state topic ({@link KafkaStatePublisher}). */
    public static final String STATE = "state-publisher";

    private PublisherProcessor() {
    }

    public static void register(EventProcessingConfigurer processing, String name,
                                KafkaPublishingProperties.Publisher settings) {
        processing.registerTrackingEventProcessor(name, configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(settings.threads())
                        .andInitialSegmentsCount(settings.segments())
                        .andBatchSize(settings.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
        processing.registerListenerInvocationErrorHandler(name, configuration -> PropagatingErrorHandler.instance());
        processing.registerErrorHandler(name, configuration -> PropagatingErrorHandler.instance());
    }
}
