package io.contacts.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactAvatarChanged;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactInboxLinked;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import io.contacts.events.InboxSummary;
import io.contacts.query.ApiClient;
import io.contacts.query.EventStoreStandIn;
import io.contacts.query.QueryTestFixture;
import io.contacts.query.elasticsearch.AliasedIndex;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.search.IndexedGrams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild on real Elasticsearch and Kafka, from the event-store stream (a stand-in of the command-service's
 * endpoint): the new index equals the live projection document for document, an event the stream missed arrives by
 * the Kafka catch-up, the alias switches, the old index goes, one rebuild runs at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RebuildIT {

    static final String PLATFORM_TOKEN = "it-platform-token";
    static final String REBUILDS = "/platform/api/v1/projection/rebuilds";
    static final QueryTestFixture fixture = new QueryTestFixture("rebuild");
    static final EventStoreStandIn eventStore = new EventStoreStandIn();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
        registry.add("contacts.platform-token", () -> PLATFORM_TOKEN);
        registry.add("contacts.rebuild.command-url", eventStore::url);
        // several pages and bulks even for a handful of contacts
        registry.add("contacts.rebuild.page-size", () -> "4");
        registry.add("contacts.rebuild.bulk-size", () -> "2");
    }

    /** Removed when the context closes, after the consumers stopped. */
    @TestConfiguration
    static class RemoveFixture {
        @Bean
        DisposableBean removeFixture(ElasticsearchClient elasticsearch) {
            return () -> {
                eventStore.close();
                for (String index : elasticsearch.indices().get(g -> g.index(fixture.alias() + "-*")).result()
                        .keySet()) {
                    if (index.startsWith(fixture.alias() + "-v1-")) {
                        elasticsearch.indices().delete(d -> d.index(index));
                    }
                }
                fixture.close();
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ElasticsearchClients clients;
    @Autowired
    ProjectionStore store;
    @Autowired
    RebuildRepair repair;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    /** Committed and published, as the command-service does. */
    private void event(ContactEvent event, long sequence, Instant time) {
        eventStore.store(event, sequence, time);
        fixture.send(event, sequence, time);
    }

    @Test
    void aRebuildEqualsTheLiveProjectionCatchesUpAndSwitchesTheAlias() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long ann = fixture.newId();
        long bob = fixture.newId();
        long cid = fixture.newId();
        long dan = fixture.newId();
        event(new ContactCreated(ann, account, "Ann", "ann@example.com", null, null, false, Map.of("plan", "gold"),
                Map.of("city", "Oslo")), 0, time);
        event(new ContactUpdated(ann, account, Set.of(ContactUpdated.NAME), "Ann Lee", null, null, null, null, null),
                1, time.plusSeconds(1));
        event(new ContactBlocked(ann, account), 2, time.plusSeconds(2));
        event(new ContactCreated(bob, account, "Bob", null, "+4790000002", null, false, Map.of(), Map.of()), 0, time);
        event(new ContactLabelsChanged(bob, account, List.of("vip")), 1, time.plusSeconds(1));
        event(new ContactDeleted(bob, account), 2, time.plusSeconds(2));
        event(new ContactCreated(cid, account, "Cid", null, null, "ext-3", false, Map.of(), Map.of()), 0, time);
        event(new ContactInboxLinked(cid, account, new ContactInbox("src-1", false,
                new InboxSummary(7, "Support", "Channel::Api", 9, null, ""))), 1, time.plusSeconds(1));
        event(new ContactAvatarChanged(cid, account, "avatar-key-1"), 2, time.plusSeconds(2));
        event(new ContactCreated(dan, account, "Dan", null, null, null, false, Map.of("seats", 3, "plan", "x"),
                Map.of()), 0, time);
        event(new CustomAttributesRemoved(dan, account, List.of("plan")), 1, time.plusSeconds(1));
        for (long contact : List.of(ann, bob, cid)) {
            fixture.awaitSearchable(contact, 2);
        }
        fixture.awaitSearchable(dan, 1);
        String live = fixture.alias() + "-v1";

        // built without switching: the same documents, versions included, as the live projection
        JsonNode built = awaitEnd(start("{\"switch_alias\":false}"));
        assertThat(built.path("status").asText()).as(built.toString()).isEqualTo("completed");
        // the stand-in store holds the other tests' contacts too
        assertThat(built.path("contacts").asLong()).isEqualTo(eventStore.contacts());
        assertThat(built.path("events").asLong()).isEqualTo(eventStore.events());
        String unswitched = built.path("new_index").asText();
        assertThat(unswitched).startsWith(fixture.alias() + "-v1-");
        assertThat(built.path("old_index").asText()).isEqualTo(live);
        assertThat(documents(unswitched)).isEqualTo(documents(live));
        assertThat(behindAlias()).isEqualTo(live);
        elasticsearch.indices().delete(d -> d.index(unswitched));

        // an event committed after the stream read past its contact reaches the new index through Kafka
        eventStore.onPage(page -> {
            if (page == 2) {
                event(new ContactUpdated(ann, account, Set.of(ContactUpdated.NAME), "Ann Late", null, null, null,
                        null, null), 3, time.plusSeconds(3));
            }
        });
        eventStore.hold();
        JsonNode running;
        try {
            running = start("{}");
            ApiClient.Response second = api.post(REBUILDS, PLATFORM_TOKEN, "{}");
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().path("error").asText()).isEqualTo("A projection rebuild is already running");
            assertThat(second.json().path("running").path("id").asLong()).isEqualTo(running.path("id").asLong());
        } finally {
            eventStore.release();
        }
        JsonNode switched = awaitEnd(running);
        eventStore.onPage(page -> { });

        assertThat(switched.path("status").asText()).as(switched.toString()).isEqualTo("completed");
        assertThat(switched.path("caught_up_events").asLong()).isGreaterThanOrEqualTo(1);
        String rebuilt = switched.path("new_index").asText();
        assertThat(behindAlias()).isEqualTo(rebuilt);
        // a rebuild is how an index gets the segment sort, which only a new index can take
        assertThat(elasticsearch.indices().getSettings(g -> g.index(rebuilt)).get(rebuilt).settings().index().sort()
                .field()).containsExactly("account_id", "name", "id");
        assertThat(elasticsearch.indices().exists(e -> e.index(live)).value()).isFalse();
        assertThat(fixture.awaitContact(api, account, ann, 3).json().path("name").asText()).isEqualTo("Ann Late");
        Map<String, Map<String, Object>> documents = documents(rebuilt);
        assertThat(documents).hasSize((int) eventStore.contacts());
        assertThat(documents.get(String.valueOf(ann))).containsEntry("name", "Ann Late").containsEntry("sequence", 3)
                .containsEntry("blocked", true).containsEntry("_version", 4L);
        assertThat(documents.get(String.valueOf(bob))).containsEntry("deleted", true)
                .containsEntry("labels", List.of("vip"));
        assertThat(documents.get(String.valueOf(cid))).containsEntry("avatar_key", "avatar-key-1");
        assertThat(documents.get(String.valueOf(dan)).get("custom_attributes")).isEqualTo(Map.of("seats", 3));
        // every document of the new index was written with its search grams, and the index says so
        assertThat(elasticsearch.indices().getMapping(g -> g.index(rebuilt)).result().get(rebuilt).mappings().meta())
                .containsKey(IndexedGrams.MARKER);
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts/search?q=NN%20LA").json().path("payload")
                .path(0).path("id").asLong()).isEqualTo(ann);

        // a restart keeps the alias where the rebuild put it and creates no second index behind it
        AliasedIndex restarted = new ContactIndex(clients, new IndexProperties(fixture.alias())).aliased();
        restarted.ensureCreated();
        assertThat(elasticsearch.indices().exists(e -> e.index(live)).value()).isFalse();
        assertThat(behindAlias()).isEqualTo(rebuilt);
        // the list shows resolved contacts (email, phone or identifier): Ann and Cid
        assertThat(api.get("/api/v1/accounts/" + account + "/contacts").json().path("meta").path("count").asLong())
                .isEqualTo(2);
    }

    @Test
    void contactsFoldedOnAStaleBaseAroundTheSwitchAreRewrittenFromTheStore() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long gap = fixture.newId();
        long orphan = fixture.newId();
        long fine = fixture.newId();
        ContactCreated gapCreated = new ContactCreated(gap, account, "Gap", null, null, null, false, Map.of(),
                Map.of());
        ContactUpdated renamed = new ContactUpdated(gap, account, Set.of(ContactUpdated.NAME), "Gap Renamed", null,
                null, null, null, null);
        ContactBlocked blocked = new ContactBlocked(gap, account);
        event(gapCreated, 0, time);
        event(renamed, 1, time);
        event(blocked, 2, time);
        event(new ContactCreated(orphan, account, "Orphan", null, null, null, false, Map.of(), Map.of()), 0, time);
        event(new ContactLabelsChanged(orphan, account, List.of("vip")), 1, time);
        ContactCreated fineCreated = new ContactCreated(fine, account, "Fine", null, null, null, false, Map.of(),
                Map.of());
        event(fineCreated, 0, time);
        long behind = fixture.newId();
        ContactCreated behindCreated = new ContactCreated(behind, account, "Behind", null, null, null, false,
                Map.of(), Map.of());
        event(behindCreated, 0, time);
        event(new ContactUpdated(behind, account, Set.of(ContactUpdated.NAME), "Behind Renamed", null, null, null,
                null, null), 1, time);
        String index = fixture.alias() + "-v1-repair";
        AliasedIndex aliased = new ContactIndex(clients, new IndexProperties(fixture.alias())).aliased();
        aliased.createUnaliased(index);
        try {
            // what the projector writes when the new index lacked the rename: the block folded onto the create
            ContactDocument stale = ContactFold.fold(null, List.of(new EventRecord(gapCreated, 0, time),
                    new EventRecord(blocked, 2, time))).document();
            ContactDocument right = ContactFold.fold(null, List.of(new EventRecord(fineCreated, 0, time)))
                    .document();
            // the rename dead-lettered as an orphan before the create was brought over: the document is behind
            ContactDocument behindCreate = ContactFold.fold(null, List.of(new EventRecord(behindCreated, 0, time)))
                    .document();
            store.write(index, List.of(stale, right, behindCreate), true);

            assertThat(repair.repair(index, Set.of(gap, orphan, fine, behind))).isEqualTo(3);

            Map<String, Map<String, Object>> documents = documents(index);
            assertThat(documents.get(String.valueOf(gap))).containsEntry("name", "Gap Renamed")
                    .containsEntry("blocked", true).containsEntry("_version", 3L);
            assertThat(documents.get(String.valueOf(orphan))).containsEntry("labels", List.of("vip"))
                    .containsEntry("_version", 2L);
            assertThat(documents.get(String.valueOf(fine))).containsEntry("name", "Fine")
                    .containsEntry("_version", 1L);
            assertThat(documents.get(String.valueOf(behind))).containsEntry("name", "Behind Renamed")
                    .containsEntry("_version", 2L);
        } finally {
            elasticsearch.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void theEndpointsNeedThePlatformTokenAndSayWhatIsWrong() {
        ApiClient.Response anonymous = api.post(REBUILDS, null, "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").asText()).isEqualTo("Invalid Access Token");
        assertThat(api.post(REBUILDS, "wrong", "{}").status()).isEqualTo(401);
        assertThat(api.get(REBUILDS + "/1", null).status()).isEqualTo(401);
        ApiClient.Response unknown = api.get(REBUILDS + "/12345", PLATFORM_TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).isEqualTo("Resource could not be found");
        assertThat(api.get(REBUILDS + "/nope", PLATFORM_TOKEN).status()).isEqualTo(404);
        ApiClient.Response badOption = api.post(REBUILDS, PLATFORM_TOKEN, "{\"switch_alias\":\"yes\"}");
        assertThat(badOption.status()).isEqualTo(400);
        assertThat(badOption.json().path("error").asText()).contains("switch_alias");
        assertThat(api.post(REBUILDS, PLATFORM_TOKEN, "[1]").status()).isEqualTo(400);
    }

    private JsonNode start(String options) {
        ApiClient.Response response = api.post(REBUILDS, PLATFORM_TOKEN, options);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("running");
        return response.json();
    }

    private JsonNode awaitEnd(JsonNode job) {
        String path = REBUILDS + "/" + job.path("id").asLong();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Response response = api.get(path, PLATFORM_TOKEN);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            last[0] = response.json();
            return !"running".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private String behindAlias() throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name(fixture.alias())).result().keySet().stream()
                .reduce((a, b) -> a + "," + b).orElseThrow();
    }

    /** Every document of the index by id: its source and its {@code _version}. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> documents(String index) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(index));
        Map<String, Map<String, Object>> documents = new HashMap<>();
        for (Hit<Map> hit : elasticsearch.search(s -> s.index(index).size(1000).version(true), Map.class).hits()
                .hits()) {
            Map<String, Object> document = new HashMap<>(hit.source());
            document.put("_version", hit.version());
            documents.put(hit.id(), document);
        }
        return documents;
    }
}
