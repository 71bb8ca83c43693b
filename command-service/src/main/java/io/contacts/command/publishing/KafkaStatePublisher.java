package io.contacts.command.publishing;

import io.contacts.events.ContactEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Sends each contact's full state to the compacted state topic, in the {@link PublisherProcessor#STATE
 * state-publisher} processor: one record per contact per batch, its state after the batch's last event of it (the
 * intermediate states of one batch are coalesced: compaction would keep only the last), a tombstone once deleted.
 * The records go out when the batch prepares its commit, and the token commits only after Kafka acknowledged them
 * all, as in the {@link KafkaEventPublisher}.
 */
@Component
@ProcessingGroup(PublisherProcessor.STATE)
public class KafkaStatePublisher {

    private static final String STATES = KafkaStatePublisher.class.getName() + ".states";

    private final EventStore store;
    private final CountingSender sender;
    private final String topic;
    private final Duration ackTimeout;

    public KafkaStatePublisher(EventStore store, CountingSender sender, KafkaPublishingProperties properties) {
        this.store = store;
        this.sender = sender;
        this.topic = properties.stateTopic();
        this.ackTimeout = properties.statePublisher().ackTimeout();
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        ProcessorBatch.resource(STATES, () -> new BatchStates(store), this::publish).fold(event, message);
    }

    private void publish(BatchStates states) {
        PendingAcks acks = new PendingAcks();
        for (BatchStates.Latest latest : states.latest()) {
            acks.add(sender.send(ContactEventRecords.state(topic, latest.state(), latest.message())));
        }
        acks.await(ackTimeout);
    }
}
