package io.contacts.command.publishing;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactUpdated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
 * The publisher in a real Axon tracking processor, configured as in production ({@link PublisherProcessor}), over an
 * in-memory event store, with Kafka's MockProducer standing in for a broker that fails and then recovers.
 */
class KafkaEventPublisherTest {

    private static final String TOPIC = "test.contacts.events";

    private final MockProducer<String, byte[]> producer = KeptOpenProducer.create(false);
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Configuration axon;

    /** Axon configured but not started: a test stores its events first, so that one batch holds them all. */
    @BeforeEach
    void configure() {
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        KafkaPublishingProperties.Publisher settings = new KafkaPublishingProperties.Publisher(10, 1, 1,
                Duration.ofSeconds(10));
        KafkaPublishingProperties properties = new KafkaPublishingProperties(TOPIC, "unused", 1, settings, settings);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> {
                    PublisherProcessor.register(processing, PublisherProcessor.EVENTS, properties.publisher());
                    processing.registerTokenStore(PublisherProcessor.EVENTS, c -> tokens);
                    processing.registerEventHandler(c -> new KafkaEventPublisher(
                            new CountingSender(kafka, registry), properties));
                })
                .buildConfiguration();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void store(long sequence, ContactEvent event) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Contact", "5", sequence, event));
    }

    /** The position of the last event the processor is done with; -1 before the first. */
    private long tokenPosition() {
        TrackingToken token = tokens.fetchToken(PublisherProcessor.EVENTS, 0);
        return token == null ? -1 : token.position().orElse(-1);
    }

    private boolean processorFailed() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(PublisherProcessor.EVENTS, TrackingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void theTokenAdvancesOnlyAfterKafkaAcknowledgedAndFailedBatchesAreSentAgain() {
        store(0, new ContactCreated(5, 9, "John", "john@example.com", null, null, false, Map.of(), Map.of()));
        store(1, new ContactUpdated(5, 9, Set.of(ContactUpdated.NAME), "Jane", null, null, null, null, null));
        store(2, new ContactDeleted(5, 9));
        axon.start();

        // Kafka is away: the whole batch was sent and every send fails
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        while (producer.errorNext(new TimeoutException("broker unreachable"))) {
            // fail every pending send
        }
        // the processor retries the batch (after its back-off) without having moved its token
        await().atMost(Duration.ofSeconds(15)).until(() -> producer.history().size() == 6);
        assertThat(tokenPosition()).isEqualTo(-1);

        // Kafka is back
        while (producer.completeNext()) {
            // acknowledge every pending send
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenPosition() == 2);
        // only acknowledged records count
        assertThat(registry.get(CountingSender.PUBLISHED).tags("topic", TOPIC, "type", "contact.created.v1")
                .counter().count()).isEqualTo(1);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::key).containsOnly("5");
        assertThat(sent).extracting(r -> header(r, CloudEventHeaders.SEQUENCE))
                .containsExactly("0", "1", "2", "0", "1", "2");
        assertThat(sent.subList(3, 6)).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("contact.created.v1", "contact.updated.v1", "contact.deleted.v1");
    }

    @Test
    void aSendThatFailsAtOnceAlsoKeepsTheToken() {
        producer.sendException = new TimeoutException("no metadata");
        store(0, new ContactCreated(5, 9, "John", null, null, null, false, Map.of(), Map.of()));
        axon.start();
        await().atMost(Duration.ofSeconds(10)).until(this::processorFailed);
        assertThat(tokenPosition()).isEqualTo(-1);

        producer.sendException = null;
        await().atMost(Duration.ofSeconds(15)).until(producer::completeNext);
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenPosition() == 0);
    }

    @Test
    void writesTheContractsRecord() {
        store(0, new ContactCreated(5, 9, "John", "john@example.com", null, null, false, Map.of("k", "v"), Map.of()));
        axon.start();
        await().atMost(Duration.ofSeconds(10)).until(producer::completeNext);
        ProducerRecord<String, byte[]> record = producer.history().get(0);

        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo("5");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"contact_id\":5", "\"account_id\":9",
                "\"email\":\"john@example.com\"", "\"custom_attributes\":{\"k\":\"v\"}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("contact.created.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/contacts/command-service");
        assertThat(header(record, "ce_subject")).isEqualTo("5");
        assertThat(header(record, "ce_accountid")).isEqualTo("9");
        assertThat(header(record, "ce_sequence")).isEqualTo("0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }
}
