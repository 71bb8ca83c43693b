package io.contacts.command.configuration;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read-your-writes for account configuration (custom attribute definitions, inboxes, inbox members, account
 * members and their roles): after the change committed, it is announced on a Kafka topic every query-service instance
 * reads, and the write answers once every running instance has dropped what it cached of the account. Past
 * {@code contacts.configuration.await-timeout} (Kafka away, an instance frozen) the write answers anyway: it is
 * committed, and the instances' caches expire by their TTL.
 */
@Component
public class ConfigurationChanges {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationChanges.class);

    private final Producer<String, byte[]> producer;
    private final ConfigurationReaders readers;
    private final ConfigurationChangeProperties properties;
    private final Clock clock = Clock.systemUTC();

    ConfigurationChanges(Producer<String, byte[]> producer, ConfigurationReaders readers,
                         ConfigurationChangeProperties properties) {
        this.producer = producer;
        this.readers = readers;
        this.properties = properties;
    }

    /** Called by every store that changes the account's configuration; waits after the commit when in a transaction. */
    public void changed(long accountId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(accountId);
                }
            });
        } else {
            announce(accountId);
        }
    }

    private void announce(long accountId) {
        Instant deadline = clock.instant().plus(properties.awaitTimeout());
        try {
            RecordMetadata sent = producer.send(new ProducerRecord<>(properties.topic(), String.valueOf(accountId),
                            ("{\"account_id\":" + accountId + "}").getBytes(StandardCharsets.UTF_8)))
                    .get(remaining(deadline), TimeUnit.MILLISECONDS);
            if (!readers.awaitAllPast(new TopicPartition(sent.topic(), sent.partition()), sent.offset(), deadline)) {
                log.warn("Not every query-service instance read the configuration change of account {} within {}; "
                        + "their caches expire by their TTL", accountId, properties.awaitTimeout());
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("The configuration change of account {} could not be announced ({}); the query-service caches "
                    + "expire by their TTL", accountId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long remaining(Instant deadline) {
        return Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    }
}
