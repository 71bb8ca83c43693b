package io.contacts.query.presence;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.query.ApiClient;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /contacts/active} lists every online contact up to {@code contacts.presence.max-listed}: here 20,000 online
 * of 21,000 in one account, past the result window (1,000 here) both in the presence index and in the contacts index.
 * It runs in-process against the real Elasticsearch because 20,000 heartbeats through the edge would take minutes
 * (each waits for a refresh): the contacts arrive as events through the projection, the heartbeats are written to the
 * presence index in bulk, as heartbeats write them.
 */
@QueryServiceTest
class ActiveBoundIT {

    static final QueryTestFixture fixture = new QueryTestFixture("active");
    private static final int ONLINE = 20_000;
    private static final int OFFLINE = 1_000;
    private static final int PER_PAGE = 100;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
        registry.add("contacts.search.result-window", () -> "1000");
        registry.add("contacts.presence.window", () -> "10m");
    }

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchClients clients;
    @Autowired
    PresenceIndex presenceIndex;

    @Test
    void twentyThousandOnlineContactsAreAllListedOnTheirPages() throws Exception {
        ApiClient api = new ApiClient(port);
        long account = fixture.newId();
        String[] names = {"Ada", "Grace", "Alan", "Linus", null};
        List<ContactCreated> contacts = new ArrayList<>();
        for (int i = 0; i < ONLINE + OFFLINE; i++) {
            contacts.add(new ContactCreated(fixture.newId(), account, names[i % names.length],
                    i % 3 == 0 ? null : "a" + i + "@example.com", null, null, false, Map.of(), Map.of()));
        }
        fixture.sendAll(contacts);
        String active = "/api/v1/accounts/" + account + "/contacts";
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                countOf(api, active + "?per_page=1") == (ONLINE + OFFLINE) * 2 / 3);

        presenceIndex.ensureCreated();
        long now = Instant.now().toEpochMilli();
        long old = now - Duration.ofHours(1).toMillis();
        for (int from = 0; from < contacts.size(); from += 5_000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(presenceIndex.alias()).refresh(Refresh.True);
            for (int i = from; i < Math.min(contacts.size(), from + 5_000); i++) {
                ContactCreated contact = contacts.get(i);
                PresenceDocument document = new PresenceDocument(account, contact.contactId(), i < ONLINE ? now : old);
                bulk.operations(o -> o.index(x -> x.id(PresenceDocument.id(account, contact.contactId()))
                        .document(document)));
            }
            // bulks of thousands are the projector's kind of call, with its limit, not an interactive read's
            assertThat(clients.of(ElasticsearchUse.PROJECTION).bulk(bulk.build()).errors()).isFalse();
        }
        Set<Long> expected = new HashSet<>();
        contacts.subList(0, ONLINE).forEach(contact -> expected.add(contact.contactId()));

        Set<Long> listed = new HashSet<>();
        int pages = ONLINE / PER_PAGE;
        for (int page = 1; page <= pages + 1; page++) {
            ApiClient.Response response = api.get(active + "/active?include_contact_inboxes=false&sort=-name"
                    + "&per_page=" + PER_PAGE + "&page=" + page);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode json = response.json();
            assertThat(json.get("meta").get("count").asLong()).isEqualTo(ONLINE);
            assertThat(json.get("payload").size()).as("page %d", page).isEqualTo(page <= pages ? PER_PAGE : 0);
            json.get("payload").forEach(contact -> assertThat(listed.add(contact.get("id").asLong())).isTrue());
        }
        assertThat(listed).isEqualTo(expected);
    }

    private static long countOf(ApiClient api, String path) {
        ApiClient.Response response = api.get(path);
        return response.status() == 200 ? response.json().get("meta").get("count").asLong() : -1;
    }
}
