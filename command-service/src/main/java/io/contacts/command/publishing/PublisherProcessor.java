package io.contacts.command.publishing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The {@code kafka-publisher} tracking processor: reads the event store in global order from its very beginning
 * (Axon's default would start at the head and skip what was stored before the first start), per-contact sequencing
 * (Axon's default policy keeps one contact in one segment), and failures that propagate: the batch rolls back, the
 * token stays, and the processor retries with its back-off (1 s doubling to 60 s) instead of logging and moving on.
 */
public final class PublisherProcessor {

    public static final String NAME = "kafka-publisher";

    private PublisherProcessor() {
    }

    public static void register(EventProcessingConfigurer processing, KafkaPublishingProperties.Publisher settings) {
        processing.registerTrackingEventProcessor(NAME, configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(settings.threads())
                        .andInitialSegmentsCount(settings.segments())
                        .andBatchSize(settings.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
        processing.registerListenerInvocationErrorHandler(NAME, configuration -> PropagatingErrorHandler.instance());
        processing.registerErrorHandler(NAME, configuration -> PropagatingErrorHandler.instance());
    }
}
