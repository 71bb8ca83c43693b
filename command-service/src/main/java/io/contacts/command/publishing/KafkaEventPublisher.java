package io.contacts.command.publishing;

import io.contacts.events.ContactEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Sends every stored contact event to Kafka, in the {@link PublisherProcessor#EVENTS kafka-publisher} processor. The
 * sends of a batch go out together (in order: one producer, idempotent, so per partition order holds even with
 * retries); before the batch's unit of work commits, and with it the processor's token, every send must be
 * acknowledged. A failed or unacknowledged send fails the batch, the token stays, and the processor retries it: at
 * least once.
 */
@Component
@ProcessingGroup(PublisherProcessor.EVENTS)
public class KafkaEventPublisher {

    private static final String PENDING_ACKS = KafkaEventPublisher.class.getName() + ".pendingAcks";

    private final CountingSender sender;
    private final String topic;
    private final Duration ackTimeout;

    public KafkaEventPublisher(CountingSender sender, KafkaPublishingProperties properties) {
        this.sender = sender;
        this.topic = properties.eventsTopic();
        this.ackTimeout = properties.publisher().ackTimeout();
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        ProcessorBatch.resource(PENDING_ACKS, PendingAcks::new, acks -> acks.await(ackTimeout))
                .add(sender.send(ContactEventRecords.of(topic, event, message)));
    }
}
