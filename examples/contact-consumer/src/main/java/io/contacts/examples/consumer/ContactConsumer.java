package io.contacts.examples.consumer;

import io.contacts.events.ContactState;
import io.contacts.events.ContactTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Reads {@code contacts.events.v1} from the beginning, keeps every contact in a {@link ContactBook} and prints each
 * change. Environment: {@code CONTACTS_KAFKA_BOOTSTRAP} (default {@code 127.0.0.1:9092}), {@code CONTACTS_ACCOUNT_ID}
 * (print only this account's contacts).
 */
public final class ContactConsumer {

    private ContactConsumer() {
    }

    public static void main(String[] args) {
        String bootstrap = System.getenv().getOrDefault("CONTACTS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String account = System.getenv("CONTACTS_ACCOUNT_ID");
        ContactBook book = new ContactBook();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(bootstrap))) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            consumer.subscribe(List.of(ContactTopics.EVENTS));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    book.accept(record)
                            .filter(contact -> account == null || account.equals(String.valueOf(contact.accountId())))
                            .ifPresent(contact -> System.out.println(describe(contact)));
                }
            }
        } catch (WakeupException stopping) {
            System.out.println(book.contacts().size() + " contacts");
        }
    }

    /**
     * The book lives in memory, so every start reads the topic from the beginning: no offsets are committed. A
     * subscriber that stores its copy commits after storing, and de-duplicates by (contact id, sequence).
     */
    static Properties properties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contact-consumer-example");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    static String describe(ContactState contact) {
        return String.format("account %d contact %d #%d%s: %s <%s> %s blocked=%b labels=%s custom=%s",
                contact.accountId(), contact.contactId(), contact.sequence(), contact.deleted() ? " DELETED" : "",
                contact.name(), contact.email(), contact.phoneNumber(), contact.blocked(), contact.labels(),
                contact.customAttributes());
    }
}
