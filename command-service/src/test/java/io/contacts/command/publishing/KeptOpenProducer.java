package io.contacts.command.publishing;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;

/**
 * Kafka's MockProducer that stays open: Spring Kafka closes producers (after a send, or after a failure) that its real
 * factory would replace; a test keeps one producer, and with it one history of every send.
 */
final class KeptOpenProducer {

    private KeptOpenProducer() {
    }

    /** @param autoComplete whether each send completes at once, or only when the test completes or fails it */
    static MockProducer<String, byte[]> create(boolean autoComplete) {
        return new MockProducer<>(autoComplete, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void close(Duration timeout) {
                // kept open on purpose, see the class comment
            }
        };
    }
}
