package io.contacts.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import io.contacts.query.ApiClient;
import io.contacts.query.QueryTestFixture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka → Elasticsearch: folding, idempotence under redelivery, tombstones, and read-your-writes waits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ProjectionIT {

    static final QueryTestFixture fixture = new QueryTestFixture("projection");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    /** Removed when the context closes, after the consumers stopped. */
    @TestConfiguration
    static class RemoveFixture {
        @Bean
        DisposableBean removeFixture() {
            return fixture::close;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    private ContactCreated created(long contactId, String name, String email) {
        return new ContactCreated(contactId, account, name, email, null, null, false, Map.of("plan", "gold"),
                Map.of("company_name", "Acme", "city", "Oslo"));
    }

    private ContactUpdated renamed(long contactId, String name) {
        return new ContactUpdated(contactId, account, Set.of(ContactUpdated.NAME), name, null, null, null, null,
                null);
    }

    private JsonNode show(long contactId) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts/" + contactId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aCreatedContactIsShownFlatAndInThePayload() {
        long id = fixture.newId();
        Instant time = Instant.parse("2025-05-01T08:30:15.250Z");
        fixture.send(new ContactCreated(id, account, "Ann Lee", "ann@example.com", "+4790000001", "ext-1", false,
                Map.of("plan", "gold"), Map.of("company_name", "Acme")), 0, time);

        assertThat(api.awaitContact(account, id, 0).status()).isEqualTo(200);
        JsonNode json = show(id);
        for (JsonNode contact : List.of(json, json.get("payload"))) {
            assertThat(contact.get("id").asLong()).isEqualTo(id);
            assertThat(contact.get("name").asText()).isEqualTo("Ann Lee");
            assertThat(contact.get("email").asText()).isEqualTo("ann@example.com");
            assertThat(contact.get("phone_number").asText()).isEqualTo("+4790000001");
            assertThat(contact.get("identifier").asText()).isEqualTo("ext-1");
            assertThat(contact.get("blocked").asBoolean()).isFalse();
            assertThat(contact.get("thumbnail").asText()).isEmpty();
            assertThat(contact.get("availability_status").asText()).isEqualTo("offline");
            assertThat(contact.get("custom_attributes").get("plan").asText()).isEqualTo("gold");
            assertThat(contact.get("additional_attributes").get("company_name").asText()).isEqualTo("Acme");
            assertThat(contact.get("created_at").isIntegralNumber()).isTrue();
            assertThat(contact.get("created_at").asLong()).isEqualTo(time.getEpochSecond());
            assertThat(contact.has("last_activity_at")).isFalse();
            assertThat(contact.get("contact_inboxes").isArray()).isTrue();
        }
        JsonNode without = api.get("/api/v1/accounts/" + account + "/contacts/" + id
                + "?include_contact_inboxes=false").json();
        assertThat(without.has("contact_inboxes")).isFalse();
        assertThat(without.get("payload").has("contact_inboxes")).isFalse();
    }

    @Test
    void updatesMergeIntoTheContact() {
        long id = fixture.newId();
        fixture.send(created(id, "Ann", "ann@example.com"), 0);
        fixture.send(new ContactUpdated(id, account, Set.of(ContactUpdated.NAME, ContactUpdated.EMAIL,
                ContactUpdated.CUSTOM_ATTRIBUTES, ContactUpdated.ADDITIONAL_ATTRIBUTES), "Test Blub", null, null,
                null, Map.of("plan", "new", "seats", 3), Map.of("city", "Bergen")), 1);
        fixture.send(new ContactBlocked(id, account), 2);
        fixture.send(new CustomAttributesRemoved(id, account, List.of("plan")), 3);

        JsonNode contact = api.awaitContact(account, id, 3).json();
        assertThat(contact.get("name").asText()).isEqualTo("Test Blub");
        assertThat(contact.get("email").isNull()).isTrue();
        assertThat(contact.get("blocked").asBoolean()).isTrue();
        assertThat(contact.get("custom_attributes")).hasSize(1);
        assertThat(contact.get("custom_attributes").get("seats").asInt()).isEqualTo(3);
        assertThat(contact.get("additional_attributes").get("company_name").asText()).isEqualTo("Acme");
        assertThat(contact.get("additional_attributes").get("city").asText()).isEqualTo("Bergen");
        assertThat(show(id).get("name").asText()).isEqualTo("Test Blub");
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() throws Exception {
        long id = fixture.newId();
        fixture.send(created(id, "Ann", "ann@example.com"), 0);
        fixture.send(renamed(id, "First"), 1);
        fixture.send(renamed(id, "Second"), 2);
        assertThat(api.awaitContact(account, id, 2).json().get("name").asText()).isEqualTo("Second");
        double duplicatesBefore = duplicateCount();

        fixture.send(renamed(id, "Second"), 2);
        fixture.send(renamed(id, "First"), 1);
        fixture.send(created(id, "Ann", "ann@example.com"), 0);
        fixture.send(new ContactBlocked(id, account), 3);

        JsonNode contact = api.awaitContact(account, id, 3).json();
        assertThat(contact.get("name").asText()).isEqualTo("Second");
        assertThat(contact.get("blocked").asBoolean()).isTrue();
        assertThat(elasticsearch.get(g -> g.index(fixture.alias()).id(String.valueOf(id)), ContactDocument.class)
                .version()).isEqualTo(4L);
        assertThat(duplicateCount() - duplicatesBefore).isEqualTo(3);
    }

    @Test
    void aContactAnotherWriterTookFurtherIsFoldedOntoItsDocumentInElasticsearch() throws Exception {
        long id = fixture.newId();
        fixture.send(created(id, "Kept", "kept@example.com"), 0);
        fixture.send(renamed(id, "Kept Two"), 1);
        assertThat(api.awaitContact(account, id, 1).status()).isEqualTo(200);
        // as a dead-letter replay does: an event the live projector never saw, written at sequence 2
        writeElsewhere(id, renamed(id, "Replayed"), 2);

        fixture.send(new ContactBlocked(id, account), 3);

        JsonNode contact = api.awaitContact(account, id, 3).json();
        assertThat(contact.get("name").asText()).isEqualTo("Replayed");
        assertThat(contact.get("blocked").asBoolean()).isTrue();
    }

    @Test
    void documentsKeptInMemoryAreDroppedWhenTheListenerLosesItsPartitions() throws Exception {
        long id = fixture.newId();
        int partition = fixture.send(created(id, "Kept", "kept@example.com"), 0).partition();
        fixture.send(renamed(id, "Kept Two"), 1);
        assertThat(api.awaitContact(account, id, 1).status()).isEqualTo(200);
        // at the sequence the projector wrote: only a document read again shows it
        writeElsewhere(id, renamed(id, "Written Elsewhere"), 1);

        MessageListenerContainer container = listeners.getListenerContainer("contact-projection");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        container.start();
        fixture.send(new ContactBlocked(id, account), 2);

        JsonNode contact = api.awaitContact(account, id, 2).json();
        assertThat(contact.get("name").asText()).isEqualTo("Written Elsewhere");
        assertThat(contact.get("blocked").asBoolean()).isTrue();

        // a create redelivered to a listener that keeps nothing of the contact folds to a version it has
        double duplicatesBefore = duplicateCount();
        fixture.send(created(id, "Kept", "kept@example.com"), 0);
        long marker = fixture.newId();
        fixture.send(created(marker, "Marker", null), 0, Instant.now(), partition);
        assertThat(api.awaitContact(account, marker, 0).status()).isEqualTo(200);
        assertThat(show(id).get("name").asText()).isEqualTo("Written Elsewhere");
        assertThat(elasticsearch.get(g -> g.index(fixture.alias()).id(String.valueOf(id)), ContactDocument.class)
                .version()).isEqualTo(3L);
        assertThat(duplicateCount() - duplicatesBefore).isEqualTo(1);
    }

    /** Another writer (a replay, a rebuild's repair, another instance) folds this event onto the contact. */
    private void writeElsewhere(long id, ContactUpdated event, long sequence) throws Exception {
        ContactDocument current = elasticsearch.get(g -> g.index(fixture.alias()).id(String.valueOf(id)),
                ContactDocument.class).source();
        ContactDocument written = ContactDocument.of(current.toState().apply(event, sequence, Instant.now()),
                current.lastActivityAt());
        elasticsearch.index(i -> i.index(fixture.alias()).id(String.valueOf(id)).version(written.version())
                .versionType(VersionType.ExternalGte).refresh(Refresh.True).document(written));
    }

    @Test
    void aDeleteHidesTheContactAndAReplayedCreateDoesNotBringItBack() {
        long id = fixture.newId();
        int partition = fixture.send(created(id, "Gone Soon", "gone@example.com"), 0).partition();
        fixture.send(new ContactDeleted(id, account), 1);

        ApiClient.Response deleted = api.awaitContact(account, id, 1);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(api.awaitContact(account, id, 0).json());
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertNotFound(id);

        fixture.send(created(id, "Gone Soon", "gone@example.com"), 0);
        long marker = fixture.newId();
        fixture.send(created(marker, "Marker", null), 0, Instant.now(), partition);
        assertThat(api.awaitContact(account, marker, 0).status()).isEqualTo(200);
        assertNotFound(id);
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/search?q=gone").json()
                .get("payload")).isEmpty();
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts").json().get("meta").get("count").asInt())
                .isZero();
    }

    @Test
    void eventsWaitWhileElasticsearchRefusesThemAndAreAppliedOnceItTakesThemAgain() throws Exception {
        long id = fixture.newId();
        String index = fixture.alias() + "-v1";
        double failuresBefore = listenerFailures();
        double deadLettersBefore = deadLetters();
        elasticsearch.indices().deleteAlias(d -> d.index(index).name(fixture.alias()));
        try {
            fixture.send(created(id, "Patient", "patient@example.com"), 0);
            fixture.send(renamed(id, "Patient Two"), 1);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(listenerFailures()).isGreaterThan(failuresBefore));
        } finally {
            elasticsearch.indices().putAlias(p -> p.index(index).name(fixture.alias()));
        }
        JsonNode contact = api.awaitContact(account, id, 1).json();
        assertThat(contact.get("name").asText()).isEqualTo("Patient Two");
        assertThat(elasticsearch.get(g -> g.index(fixture.alias()).id(String.valueOf(id)), ContactDocument.class)
                .version()).isEqualTo(2L);
        assertThat(deadLetters()).as("Elasticsearch away is no poison").isEqualTo(deadLettersBefore);
    }

    @Test
    void theAwaitAnswersAsSoonAsTheEventIsAppliedAndTimesOutAfterItsDeadline() {
        long id = fixture.newId();
        CompletableFuture<ApiClient.Response> waiting = api.getAsync("/internal/v1/accounts/" + account
                + "/contacts/" + id + "?min_sequence=1&timeout_ms=20000", null);
        fixture.send(created(id, "Ann", null), 0);
        fixture.send(renamed(id, "Awaited"), 1);
        ApiClient.Response response = waiting.join();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asText()).isEqualTo("Awaited");

        long started = System.nanoTime();
        ApiClient.Response timedOut = api.get("/internal/v1/accounts/" + account + "/contacts/" + id
                + "?min_sequence=2&timeout_ms=300", null);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(timedOut.json().get("error").asText()).isEqualTo("Timed out waiting for the projection");
        assertThat(waited).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));

        assertThat(api.get("/internal/v1/accounts/" + fixture.newId() + "/contacts/" + id, null).status())
                .isEqualTo(404);
    }

    @Test
    void theAwaitAlsoSeesDocumentsAnotherInstanceWrote() throws Exception {
        long id = fixture.newId();
        CompletableFuture<ApiClient.Response> waiting = api.getAsync("/internal/v1/accounts/" + account
                + "/contacts/" + id + "?min_sequence=0&timeout_ms=20000", null);
        ContactDocument written = new ContactDocument(id, account, "Elsewhere", null, null, null, false, false,
                false, Map.of(), Map.of(), null, null, null, List.of(), List.of(), Instant.now().toEpochMilli(),
                Instant.now().toEpochMilli(), null, 0, null, null, List.of(), null);
        elasticsearch.index(i -> i.index(fixture.alias()).id(String.valueOf(id)).version(written.version())
                .versionType(VersionType.External).refresh(Refresh.True).document(written));
        assertThat(waiting.join().json().get("name").asText()).isEqualTo("Elsewhere");
    }

    @Test
    void latencyFromProducedToSearchable() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = fixture.newId();
            CompletableFuture<ApiClient.Response> waiting = api.getAsync("/internal/v1/accounts/" + account
                    + "/contacts/" + id + "?min_sequence=0&timeout_ms=20000", null);
            long started = System.nanoTime();
            fixture.send(created(id, "Fast " + i, "fast" + i + "@example.com"), 0);
            assertThat(waiting.join().status()).isEqualTo(200);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("Produced -> searchable (ms, 20 events): min %d, median %d, p90 %d, max %d%n",
                sorted.get(0), sorted.get(10), sorted.get(17), sorted.get(19));
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/search?q=fast19").json().get("payload"))
                .hasSize(1);
    }

    private void assertNotFound(long id) {
        ApiClient.Response response = api.get("/api/v1/accounts/" + account + "/contacts/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("Contact not found");
    }

    private double listenerFailures() {
        return meters.find("spring.kafka.listener").tag("result", "failure").timers().stream()
                .mapToDouble(Timer::count).sum();
    }

    private double deadLetters() {
        return meters.find("contacts.projection.dead.letters").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double duplicateCount() {
        return meters.counter("contacts.projection.events", "outcome", "duplicate").count();
    }
}
