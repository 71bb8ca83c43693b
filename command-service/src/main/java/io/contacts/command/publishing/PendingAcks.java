package io.contacts.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Kafka sends of one batch; the batch may commit only once Kafka acknowledged all of them. */
final class PendingAcks {

    private final List<CompletableFuture<?>> sends = new ArrayList<>();

    void add(CompletableFuture<?> send) {
        sends.add(send);
    }

    /** Returns when every send is acknowledged; a refused or unacknowledged send fails the batch. */
    void await(Duration timeout) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaPublishingException("Kafka refused a record of the batch", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaPublishingException("Kafka did not acknowledge the batch within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingException("Interrupted while waiting for Kafka", e);
        }
    }
}
