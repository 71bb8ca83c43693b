package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection rebuild through the edge, on the running stack: built from the event store it equals the live
 * projection document for document; rebuilt while a client keeps writing, the alias moves to the new index, the old
 * one goes, and no write is missing.
 */
class ProjectionRebuildIT {

    private static final Edge EDGE = new Edge();
    private static final String REBUILDS = "/platform/api/v1/projection/rebuilds";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static Member admin;

    @BeforeAll
    static void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
    }

    @Test
    void aRebuildUnderWritesEqualsTheLiveProjectionAndSwitchesTheAlias() throws Exception {
        String tag = unique();
        long ada = created(Map.of("name", "Ada " + tag, "email", "ada." + tag + "@example.com",
                "custom_attributes", Map.of("plan", "gold"), "additional_attributes", Map.of("city", "Berlin")));
        ok(EDGE.call("PATCH", contacts(admin) + "/" + ada, admin.token(), Map.of("name", "Ada Lovelace " + tag,
                "blocked", true)));
        ok(EDGE.post(contacts(admin) + "/" + ada + "/labels", admin.token(), Map.of("labels", List.of("vip"))));
        JsonNode inbox = ok(EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                Map.of("name", "Inbox " + tag, "channel", Map.of("type", "api")))).body();
        long linked = created(Map.of("name", "Linked " + tag, "email", "linked." + tag + "@example.com",
                "inbox_id", inbox.path("id").asLong()));
        Reply pictured = EDGE.multipart("POST", contacts(admin), admin.token(), Map.of("name", "Pic " + tag,
                "identifier", "pic-" + tag), "avatar", "me.png", "image/png", PNG);
        ok(pictured);
        long gone = created(Map.of("name", "Gone " + tag, "email", "gone." + tag + "@example.com"));
        ok(EDGE.call("DELETE", contacts(admin) + "/" + gone, admin.token(), null));

        assertThat(EDGE.post(REBUILDS, null, Map.of()).status()).isEqualTo(401);
        assertThat(EDGE.post(REBUILDS, admin.token(), Map.of()).status()).isEqualTo(401);

        // built without switching while nobody writes: the live projection, document for document
        String live = behindAlias();
        JsonNode built = awaitEnd(start(Map.of("switch_alias", false)));
        assertThat(built.path("status").asText()).as(built.toString()).isEqualTo("completed");
        assertThat(built.path("old_index").asText()).isEqualTo(live);
        String unswitched = built.path("new_index").asText();
        try {
            assertThat(documents(unswitched)).isEqualTo(documents(live));
        } finally {
            elasticsearch("DELETE", "/" + unswitched);
        }
        assertThat(behindAlias()).isEqualTo(live);

        // rebuilt and switched while a client keeps creating and renaming contacts
        Map<Long, String> written = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                long id = created(Map.of("name", "Writer " + tag + " " + i,
                        "email", "writer." + i + "." + tag + "@example.com"));
                String name = "Writer " + tag + " " + i + " renamed";
                ok(EDGE.call("PATCH", contacts(admin) + "/" + id, admin.token(), Map.of("name", name)));
                written.put(id, name);
            }
        });
        JsonNode running = start(Map.of());
        Reply second = EDGE.post(REBUILDS, TestInfrastructure.platformToken(), Map.of());
        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.body().path("error").asText()).isEqualTo("A projection rebuild is already running");
        JsonNode switched = awaitEnd(running);
        stop.set(true);
        writer.get();

        assertThat(switched.path("status").asText()).as(switched.toString()).isEqualTo("completed");
        String rebuilt = switched.path("new_index").asText();
        assertThat(rebuilt).startsWith("contacts-v1-");
        assertThat(behindAlias()).isEqualTo(rebuilt);
        assertThat(elasticsearch("GET", "/" + live).statusCode()).isEqualTo(404);
        assertThat(switched.path("contacts_per_second").asLong()).isPositive();
        assertThat(written).isNotEmpty();
        written.forEach((id, name) -> assertThat(EDGE.get(contacts(admin) + "/" + id, admin.token()).body()
                .path("payload").path("name").asText()).isEqualTo(name));

        // the switched index, rebuilt once more now that nobody writes, is the same again: nothing was lost
        JsonNode again = awaitEnd(start(Map.of("switch_alias", false)));
        try {
            assertThat(documents(again.path("new_index").asText())).isEqualTo(documents(rebuilt));
        } finally {
            elasticsearch("DELETE", "/" + again.path("new_index").asText());
        }

        // reads answer as before
        JsonNode shown = EDGE.get(contacts(admin) + "/" + ada, admin.token()).body().path("payload");
        assertThat(shown.path("name").asText()).isEqualTo("Ada Lovelace " + tag);
        assertThat(shown.path("blocked").asBoolean()).isTrue();
        assertThat(EDGE.get(contacts(admin) + "/" + ada + "/labels", admin.token()).body().path("payload"))
                .extracting(JsonNode::asText).containsExactly("vip");
        assertThat(ids(EDGE.get(contacts(admin) + "/search?q=Lovelace%20" + tag, admin.token()))).containsExactly(ada);
        assertThat(EDGE.get(contacts(admin) + "/" + linked, admin.token()).body().path("payload")
                .path("contact_inboxes").findValuesAsText("source_id")).hasSize(1);
        assertThat(pictured.body().path("payload").path("contact").path("thumbnail").asText()).isNotEmpty();
        long picturedId = pictured.body().path("payload").path("contact").path("id").asLong();
        assertThat(EDGE.get(contacts(admin) + "/" + picturedId, admin.token()).body().path("payload")
                .path("thumbnail").asText())
                .isEqualTo(pictured.body().path("payload").path("contact").path("thumbnail").asText());
        assertThat(EDGE.get(contacts(admin) + "/" + gone, admin.token()).status()).isEqualTo(404);
        Map<String, Object> condition = new HashMap<>(Map.of("attribute_key", "name", "filter_operator",
                "contains", "values", List.of("Lovelace " + tag)));
        condition.put("query_operator", null);
        Reply filtered = EDGE.post(contacts(admin) + "/filter", admin.token(), Map.of("payload",
                List.of(condition)));
        assertThat(ids(filtered)).containsExactly(ada);
    }

    private static long created(Map<String, Object> body) {
        return ok(EDGE.post(contacts(admin), admin.token(), body)).body().path("payload").path("contact")
                .path("id").asLong();
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    private static JsonNode start(Map<String, Object> options) {
        Reply reply = EDGE.post(REBUILDS, TestInfrastructure.platformToken(), options);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.body();
    }

    private static JsonNode awaitEnd(JsonNode job) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Reply reply = EDGE.get(REBUILDS + "/" + job.path("id").asLong(), TestInfrastructure.platformToken());
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            last[0] = reply.body();
            return !"running".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(contact -> ids.add(contact.path("id").asLong()));
        return ids;
    }

    private static String behindAlias() throws Exception {
        JsonNode aliases = Edge.JSON.readTree(elasticsearch("GET", "/_alias/contacts").body());
        assertThat(aliases.size()).as(aliases.toString()).isEqualTo(1);
        return aliases.fieldNames().next();
    }

    /** Every document of the index: source and version by id, read with search_after in id order. */
    private static Map<String, JsonNode> documents(String index) throws Exception {
        elasticsearch("POST", "/" + index + "/_refresh");
        Map<String, JsonNode> documents = new HashMap<>();
        JsonNode after = null;
        while (true) {
            Map<String, Object> query = new HashMap<>(Map.of("size", 5000, "version", true,
                    "sort", List.of(Map.of("id", "asc"))));
            if (after != null) {
                query.put("search_after", after);
            }
            HttpResponse<String> response = elasticsearch("POST", "/" + index + "/_search",
                    Edge.JSON.writeValueAsString(query));
            JsonNode hits = Edge.JSON.readTree(response.body()).path("hits").path("hits");
            if (hits.isEmpty()) {
                return documents;
            }
            for (JsonNode hit : hits) {
                documents.put(hit.path("_id").asText(), Edge.JSON.createObjectNode()
                        .put("_version", hit.path("_version").asLong()).set("_source", hit.path("_source")));
                after = hit.path("sort");
            }
        }
    }

    private static HttpResponse<String> elasticsearch(String method, String path) throws Exception {
        return elasticsearch(method, path, null);
    }

    private static HttpResponse<String> elasticsearch(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestInfrastructure.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
