package io.contacts.query.projection;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka → Elasticsearch: folding, idempotence under redelivery, tombstones, and read-your-writes notices. */
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

        assertThat(fixture.awaitContact(api, account, id, 0).status()).isEqualTo(200);
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

        JsonNode contact = fixture.awaitContact(api, account, id, 3).json();
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
        assertThat(fixture.awaitContact(api, account, id, 2).json().get("name").asText()).isEqualTo("Second");
        double duplicatesBefore = duplicateCount();

        fixture.send(renamed(id, "Second"), 2);
        fixture.send(renamed(id, "First"), 1);
        fixture.send(created(id, "Ann", "ann@example.com"), 0);
        fixture.send(new ContactBlocked(id, account), 3);

        JsonNode contact = fixture.awaitContact(api, account, id, 3).json();
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
        assertThat(fixture.awaitContact(api, account, id, 1).status()).isEqualTo(200);
        // as a dead-letter replay does: an event the live projector never saw, written at sequence 2
        writeElsewhere(id, renamed(id, "Replayed"), 2);

        fixture.send(new ContactBlocked(id, account), 3);

        JsonNode contact = fixture.awaitContact(api, account, id, 3).json();
        assertThat(contact.get("name").asText()).isEqualTo("Replayed");
        assertThat(contact.get("blocked").asBoolean()).isTrue();
    }

    @Test
    void documentsKeptInMemoryAreDroppedWhenTheListenerLosesItsPartitions() throws Exception {
        long id = fixture.newId();
        int partition = fixture.send(created(id, "Kept", "kept@example.com"), 0).partition();
        fixture.send(renamed(id, "Kept Two"), 1);
        assertThat(fixture.awaitContact(api, account, id, 1).status()).isEqualTo(200);
        // at the sequence the projector wrote: only a document read again shows it
        writeElsewhere(id, renamed(id, "Written Elsewhere"), 1);

        MessageListenerContainer container = listeners.getListenerContainer("contact-projection");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        container.start();
        fixture.send(new ContactBlocked(id, account), 2);

        JsonNode contact = fixture.awaitContact(api, account, id, 2).json();
        assertThat(contact.get("name").asText()).isEqualTo("Written Elsewhere");
        assertThat(contact.get("blocked").asBoolean()).isTrue();

        // a create redelivered to a listener that keeps nothing of the contact folds to a version it has
        double duplicatesBefore = duplicateCount();
        fixture.send(created(id, "Kept", "kept@example.com"), 0);
        long marker = fixture.newId();
        fixture.send(created(marker, "Marker", null), 0, Instant.now(), partition);
        assertThat(fixture.awaitContact(api, account, marker, 0).status()).isEqualTo(200);
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

        fixture.awaitSearchable(id, 1);
        assertNotFound(id);

        fixture.send(created(id, "Gone Soon", "gone@example.com"), 0);
        long marker = fixture.newId();
        fixture.send(created(marker, "Marker", null), 0, Instant.now(), partition);
        assertThat(fixture.awaitContact(api, account, marker, 0).status()).isEqualTo(200);
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
        JsonNode contact = fixture.awaitContact(api, account, id, 1).json();
        assertThat(contact.get("name").asText()).isEqualTo("Patient Two");
        assertThat(elasticsearch.get(g -> g.index(fixture.alias()).id(String.valueOf(id)), ContactDocument.class)
                .version()).isEqualTo(2L);
        assertThat(deadLetters()).as("Elasticsearch away is no poison").isEqualTo(deadLettersBefore);
    }

    @Test
    void anAwaitedWriteIsSearchableWhenAnnouncedWithWhetherItIsOnline() {
        long id = fixture.newId();
        fixture.send(created(id, "Announced Ann", null), 0);
        JsonNode announced = fixture.awaitSearchable(id, 0);
        assertThat(announced.get("online").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/search?q=announced").json().get("payload"))
                .hasSize(1);

        assertThat(api.post("/api/v1/accounts/" + account + "/contacts/" + id + "/presence",
                CommandServiceStandIn.TOKEN).status()).isEqualTo(200);
        fixture.send(renamed(id, "Announced Again"), 1);
        announced = fixture.awaitSearchable(id, 1);
        assertThat(announced.get("sequence").asLong()).isEqualTo(1);
        assertThat(announced.get("online").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/search?q=again").json().get("payload"))
                .hasSize(1);
    }

    @Test
    void aBulkWithoutAnAwaitedWriteIsNotAnnounced() {
        long quiet = fixture.newId();
        int partition = fixture.send(created(fixture.newId(), "Partition Finder", null), 0).partition();
        fixture.sendAll(List.of(new ContactCreated(quiet, account, "Quiet Background", null, null, null, false,
                Map.of(), Map.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/accounts/" + account
                + "/contacts/search?q=background").json().get("payload").size() == 1);
        long marker = fixture.newId();
        fixture.send(created(marker, "Marker", null), 0, Instant.now(), partition);
        fixture.awaitSearchable(marker, 0);
        assertThat(fixture.announced(quiet)).isNull();
    }

    @Test
    void latencyFromProducedToSearchable() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = fixture.newId();
            long started = System.nanoTime();
            fixture.send(created(id, "Fast " + i, "fast" + i + "@example.com"), 0);
            fixture.awaitSearchable(id, 0);
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
