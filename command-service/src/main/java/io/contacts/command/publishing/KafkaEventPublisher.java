package io.contacts.command.publishing;

import io.contacts.events.ContactEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends every stored contact event to Kafka, in the {@link PublisherProcessor kafka-publisher} processor. The sends
 * of a batch go out together (in order: one producer, idempotent, so per partition order holds even with retries);
 * before the batch's unit of work commits, and with it the processor's token, every send must be acknowledged.
 * A failed or unacknowledged send fails the batch, the token stays, and the processor retries it: at least once.
 */
@Component
@ProcessingGroup(PublisherProcessor.NAME)
public class KafkaEventPublisher {

    private static final String PENDING_ACKS = KafkaEventPublisher.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration ackTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, KafkaPublishingProperties properties) {
        this.kafka = kafka;
        this.topic = properties.eventsTopic();
        this.ackTimeout = properties.publisher().ackTimeout();
    }

    @EventHandler
    void on(ContactEvent event, DomainEventMessage<?> message) {
        pendingAcks().add(kafka.send(ContactEventRecords.of(topic, event, message)));
    }

    /** The acknowledgements the current batch waits for; the first event of a batch registers the wait. */
    private List<CompletableFuture<?>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaPublishingException("Kafka refused an event of the batch", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaPublishingException("Kafka did not acknowledge the batch within " + ackTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingException("Interrupted while waiting for Kafka", e);
        }
    }
}
