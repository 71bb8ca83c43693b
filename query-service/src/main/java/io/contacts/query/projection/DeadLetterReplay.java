package io.contacts.query.projection;

import io.contacts.query.web.ServiceUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Re-applies the dead letters through the projector, from where the last replay stopped to the end as of its start;
 * the ones still failing are dead-lettered again (attempt + 1). The replay group's offsets are committed after each
 * batch was applied and its failures dead-lettered, so an interrupted replay resumes where it stopped.
 */
@Component
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final int BATCH = 500;

    private final ConsumerFactory<?, ?> consumers;
    private final DeadLetterProperties properties;
    private final ContactProjector projector;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final ReentrantLock running = new ReentrantLock();

    DeadLetterReplay(ConsumerFactory<?, ?> consumers, DeadLetterProperties properties, ContactProjector projector,
                     DeadLetters deadLetters, MeterRegistry meters) {
        this.consumers = consumers;
        this.properties = properties;
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /**
     * @param replayed     dead letters read
     * @param applied      of them, applied to their contact
     * @param duplicates   of them, already in their contact's document (later events got there first)
     * @param deadLettered of them, failing again and dead-lettered again
     * @param remaining    dead letters after those replayed (when {@code max} stopped the replay early)
     */
    record Replayed(long replayed, long applied, long duplicates, long deadLettered, long remaining) {
    }

    /** @throws ReplayRunningException when a replay runs already in this instance */
    Replayed replay(long max) {
        if (!running.tryLock()) {
            throw new ReplayRunningException();
        }
        try (DeadLetterCursor cursor = new DeadLetterCursor(consumers, properties)) {
            long replayed = 0;
            long applied = 0;
            long duplicates = 0;
            long deadLettered = 0;
            while (replayed < max) {
                List<ConsumerRecord<String, byte[]>> batch = cursor.next((int) Math.min(BATCH, max - replayed));
                if (batch.isEmpty()) {
                    break;
                }
                ContactProjector.Applied result = projector.replay(batch);
                result.poison().forEach(poison -> deadLetters.send(poison.record(), cursor.consumer(),
                        poison.cause()));
                cursor.commit();
                replayed += batch.size();
                applied += result.applied();
                duplicates += result.duplicates();
                deadLettered += result.poison().size();
                count("applied", result.applied());
                count("duplicate", result.duplicates());
                count("dead_lettered", result.poison().size());
            }
            Replayed done = new Replayed(replayed, applied, duplicates, deadLettered, cursor.pending());
            log.info("Replayed dead letters: {}", done);
            return done;
        } catch (RuntimeException e) {
            // Kafka or Elasticsearch away: what was committed stays done, the rest waits for the next replay
            throw new ServiceUnavailableException("Cannot replay the dead letters now: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    private void count(String outcome, int events) {
        meters.counter("contacts.projection.dead.letters.replayed", "outcome", outcome).increment(events);
    }

    static final class ReplayRunningException extends RuntimeException {
        ReplayRunningException() {
            super("A replay of the dead letters is running already");
        }
    }
}
