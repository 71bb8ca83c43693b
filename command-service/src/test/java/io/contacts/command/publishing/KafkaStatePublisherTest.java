package io.contacts.command.publishing;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.events.ContactState;
import io.contacts.events.ContactUpdated;
import io.contacts.events.json.ContactEventJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The state publisher in a real Axon tracking processor over an in-memory event store, batches of two events: states
 * coalesce per batch, a batch that starts in the middle of a history folds the stored events only up to its own.
 */
class KafkaStatePublisherTest {

    private static final String TOPIC = "test.contacts.state";

    private final MockProducer<String, byte[]> producer = KeptOpenProducer.create(true);
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Configuration axon;

    @BeforeEach
    void configure() {
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        KafkaPublishingProperties.Publisher settings = new KafkaPublishingProperties.Publisher(2, 1, 1,
                Duration.ofSeconds(10));
        KafkaPublishingProperties properties = new KafkaPublishingProperties("unused", TOPIC, 1, settings, settings);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> {
                    PublisherProcessor.register(processing, PublisherProcessor.STATE, properties.statePublisher());
                    processing.registerTokenStore(PublisherProcessor.STATE, c -> tokens);
                    processing.registerEventHandler(c -> new KafkaStatePublisher(c.eventStore(),
                            new CountingSender(kafka, registry), properties));
                })
                .buildConfiguration();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void store(long contact, long sequence, ContactEvent event) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Contact", String.valueOf(contact), sequence, event));
    }

    private long tokenPosition() {
        TrackingToken token = tokens.fetchToken(PublisherProcessor.STATE, 0);
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ContactUpdated rename(long contact, String name) {
        return new ContactUpdated(contact, 9, Set.of(ContactUpdated.NAME), name, null, null, null, null, null);
    }

    @Test
    void eachBatchSendsEachContactsLastStateFoldedOnlyUpToItsOwnEvents() {
        store(5, 0, new ContactCreated(5, 9, "v0", "v@example.com", null, null, false, Map.of("k", "v"), Map.of()));
        store(5, 1, rename(5, "v1"));
        store(5, 2, new ContactLabelsChanged(5, 9, List.of("vip")));
        store(5, 3, rename(5, "v3"));
        store(5, 4, new ContactBlocked(5, 9));
        store(6, 0, new ContactCreated(6, 9, "Six", null, null, null, false, Map.of(), Map.of()));
        store(6, 1, new ContactDeleted(6, 9));
        axon.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenPosition() == 6);

        // batches: [5@0 5@1] [5@2 5@3] [5@4 6@0] [6@1]
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(r -> r.key() + "@" + header(r, CloudEventHeaders.SEQUENCE))
                .containsExactly("5@1", "5@3", "5@4", "6@0", "6@1");
        List<ContactState> states = sent.subList(0, 4).stream().map(r -> ContactEventJson.readState(r.value())).toList();
        assertThat(states).extracting(ContactState::name).containsExactly("v1", "v3", "v3", "Six");
        assertThat(states).extracting(ContactState::sequence).containsExactly(1L, 3L, 4L, 0L);
        // the second batch read the store, which already held event 4 (blocked): not folded in
        assertThat(states.get(1).labels()).containsExactly("vip");
        assertThat(states.get(1).blocked()).isFalse();
        assertThat(states.get(1).customAttributes()).containsEntry("k", "v");
        assertThat(states.get(2).blocked()).isTrue();

        ProducerRecord<String, byte[]> tombstone = sent.get(4);
        assertThat(tombstone.value()).isNull();
        assertThat(header(tombstone, CloudEventHeaders.TYPE)).isEqualTo("contact.state.v1");
        assertThat(header(tombstone, CloudEventHeaders.ACCOUNT_ID)).isEqualTo("9");
        assertThat(header(tombstone, CloudEventHeaders.SUBJECT)).isEqualTo("6");
        assertThat(sent).extracting(r -> header(r, CloudEventHeaders.ID)).doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(r -> assertThat(r.topic()).isEqualTo(TOPIC));
        assertThat(registry.get(CountingSender.PUBLISHED).tags("topic", TOPIC, "type", "contact.state.v1")
                .counter().count()).isEqualTo(5);
    }
}
