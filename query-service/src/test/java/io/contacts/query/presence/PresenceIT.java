package io.contacts.query.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Heartbeats, availability_status on every rendering, GET /contacts/active and the internal presence check. */
@QueryServiceTest
class PresenceIT {

    /**
     * Short, so that going offline is observable; long enough for a few heartbeats (each waits for the next
     * refresh, up to a second) and the requests after them.
     */
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final QueryTestFixture fixture = new QueryTestFixture("presence");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
        registry.add("contacts.presence.window", WINDOW::toString);
    }

    @LocalServerPort
    int port;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    private ContactCreated contact(String name, String email) {
        return new ContactCreated(fixture.newId(), account, name, email, null, null, false, Map.of(), Map.of());
    }

    private String contacts() {
        return "/api/v1/accounts/" + account + "/contacts";
    }

    private ApiClient.Response heartbeat(long contactId) {
        return api.post(contacts() + "/" + contactId + "/presence", CommandServiceStandIn.TOKEN);
    }

    private JsonNode ok(String path) {
        ApiClient.Response response = api.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String status(String path) {
        return ok(path).get("availability_status").asText();
    }

    private String statusIn(String listPath, long contactId) {
        return StreamSupport.stream(ok(listPath).get("payload").spliterator(), false)
                .filter(c -> c.get("id").asLong() == contactId)
                .map(c -> c.get("availability_status").asText()).findFirst().orElseThrow();
    }

    private boolean internallyOnline(long contactId) {
        ApiClient.Response response = api.get("/internal/v1/accounts/" + account + "/contacts/" + contactId
                + "/presence", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("online").asBoolean();
    }

    private static List<Long> ids(JsonNode list) {
        return StreamSupport.stream(list.get("payload").spliterator(), false).map(c -> c.get("id").asLong())
                .toList();
    }

    @Test
    void aHeartbeatMakesTheContactOnlineEverywhereItIsRendered() {
        ContactCreated ann = contact("Ann Online", "ann@example.com");
        ContactCreated bob = contact("Bob Offline", "bob@example.com");
        fixture.createAll(api, List.of(ann, bob), Instant.now());
        long id = ann.contactId();
        assertThat(status(contacts() + "/" + id)).isEqualTo("offline");
        assertThat(internallyOnline(id)).isFalse();

        ApiClient.Response beat = heartbeat(id);
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().get("id").asLong()).isEqualTo(id);
        assertThat(beat.json().get("availability_status").asText()).isEqualTo("online");

        assertThat(status(contacts() + "/" + id)).isEqualTo("online");
        assertThat(ok(contacts() + "/" + id).get("payload").get("availability_status").asText()).isEqualTo("online");
        heartbeat(id);
        assertThat(statusIn(contacts(), id)).isEqualTo("online");
        assertThat(statusIn(contacts(), bob.contactId())).isEqualTo("offline");
        heartbeat(id);
        assertThat(statusIn(contacts() + "/search?q=online", id)).isEqualTo("online");
        heartbeat(id);
        assertThat(fixture.awaitContact(api, account, id, 0).json().get("availability_status").asText()).isEqualTo("online");
        heartbeat(id);
        assertThat(internallyOnline(id)).isTrue();
        assertThat(internallyOnline(bob.contactId())).isFalse();
    }

    @Test
    void theContactGoesOfflineOnceTheWindowHasPassed() {
        ContactCreated ann = contact("Ann Fading", "fading@example.com");
        fixture.createAll(api, List.of(ann), Instant.now());
        Instant beforeBeat = Instant.now();
        heartbeat(ann.contactId());
        assertThat(internallyOnline(ann.contactId())).isTrue();

        await().atMost(WINDOW.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(contacts() + "/" + ann.contactId()).equals("offline"));
        assertThat(Duration.between(beforeBeat, Instant.now())).isGreaterThanOrEqualTo(WINDOW);
        assertThat(internallyOnline(ann.contactId())).isFalse();
        assertThat(ok(contacts() + "/active").get("meta").get("count").asLong()).isZero();
    }

    @Test
    void activeListsOnlineContactsOnlyResolvedOrNotPagedAndSorted() {
        List<ContactCreated> online = IntStream.range(0, 5).mapToObj(i -> contact("Active " + i, null)).toList();
        ContactCreated idle = contact("Idle", "idle@example.com");
        fixture.createAll(api, List.of(online.get(0), online.get(1), online.get(2), online.get(3), online.get(4),
                idle), Instant.now());

        JsonNode nobody = ok(contacts() + "/active");
        assertThat(nobody.get("meta").get("count").asLong()).isZero();
        assertThat(nobody.get("payload")).isEmpty();
        assertThat(nobody.toString()).doesNotContain("Idle");

        online.forEach(c -> assertThat(heartbeat(c.contactId()).status()).isEqualTo(200));
        JsonNode all = ok(contacts() + "/active?sort=name&labels[]=nothing");
        assertThat(all.get("meta").get("count").asLong()).isEqualTo(5);
        assertThat(ids(all)).containsExactlyElementsOf(online.stream().map(ContactCreated::contactId).toList());
        all.get("payload").forEach(c -> assertThat(c.get("availability_status").asText()).isEqualTo("online"));

        JsonNode second = ok(contacts() + "/active?sort=-name&per_page=2&page=2");
        assertThat(second.get("meta").get("count").asLong()).isEqualTo(5);
        assertThat(second.get("meta").get("current_page").asText()).isEqualTo("2");
        assertThat(ids(second)).containsExactly(online.get(2).contactId(), online.get(1).contactId());
        assertThat(second.get("payload").get(0).has("contact_inboxes")).isTrue();
        assertThat(ok(contacts() + "/active?include_contact_inboxes=false").get("payload").get(0)
                .has("contact_inboxes")).isFalse();
    }

    @Test
    void presenceIsWalledByAccountAndDeletedContactsAreNeitherListedNorBeating() {
        ContactCreated mine = contact("Mine", "mine@example.com");
        long otherAccount = fixture.newId();
        ContactCreated theirs = new ContactCreated(fixture.newId(), otherAccount, "Theirs", "theirs@example.com",
                null, null, false, Map.of(), Map.of());
        ContactCreated gone = contact("Gone", "gone@example.com");
        fixture.createAll(api, List.of(mine, theirs, gone), Instant.now());
        heartbeat(gone.contactId());
        fixture.send(new ContactDeleted(gone.contactId(), account), 1);
        assertThat(fixture.awaitContact(api, account, gone.contactId(), 1).status()).isEqualTo(404);

        assertThat(heartbeat(theirs.contactId()).status()).isEqualTo(404);
        assertThat(heartbeat(gone.contactId()).status()).isEqualTo(404);
        ApiClient.Response unknown = heartbeat(fixture.newId());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("Contact not found");
        assertThat(heartbeat(0).status()).isEqualTo(404);
        assertThat(api.post(contacts() + "/abc/presence", CommandServiceStandIn.TOKEN).status()).isEqualTo(404);
        assertThat(api.post(contacts() + "/" + mine.contactId() + "/presence", null).status()).isEqualTo(401);

        api.post("/api/v1/accounts/" + otherAccount + "/contacts/" + theirs.contactId() + "/presence",
                CommandServiceStandIn.TOKEN);
        heartbeat(mine.contactId());
        JsonNode active = ok(contacts() + "/active");
        assertThat(ids(active)).containsExactly(mine.contactId());
        assertThat(active.get("meta").get("count").asLong()).isEqualTo(1);
        assertThat(api.get(contacts() + "/active", null).status()).isEqualTo(401);
    }
}
