package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline through the edge: edge → command-service → event store → Kafka → projection → Elasticsearch →
 * query-service. Reads right after a 2xx write assert read-your-writes: there is deliberately no waiting here.
 */
class ContactLifecycleIT {

    private static final Edge EDGE = new Edge();
    private static Member admin;
    private static Member agent;
    private static Member stranger;

    @BeforeAll
    static void accounts() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
        stranger = EDGE.newMember(EDGE.newAccount(), "administrator");
    }

    @Test
    void createShowUpdateSearchBlockDelete() {
        String tag = unique();
        String email = "Ada." + tag + "@Example.com";
        Reply created = EDGE.post(contacts(admin), admin.token(), Map.of(
                "name", "Ada " + tag, "email", email, "phone_number", "+4915" + digits(tag),
                "custom_attributes", Map.of("plan", "gold", "seats", 3),
                "additional_attributes", Map.of("city", "Berlin", "company_name", "Analytical")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode contact = created.body().path("payload").path("contact");
        long id = contact.path("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.body().path("id").asLong()).as("flat contact beside the payload").isEqualTo(id);
        assertThat(contact.path("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(created.body().path("payload").path("contact_inbox").path("inbox").isNull()).isTrue();

        Reply shown = EDGE.get(contacts(admin) + "/" + id, agent.token());
        assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
        assertThat(shown.body().path("payload").path("name").asText()).isEqualTo("Ada " + tag);
        assertThat(shown.body().path("payload").path("created_at").isIntegralNumber()).isTrue();
        assertThat(shown.body().path("payload").has("last_activity_at")).isFalse();

        Reply updated = EDGE.call("PATCH", contacts(admin) + "/" + id, agent.token(), Map.of(
                "name", "Ada Lovelace " + tag,
                "custom_attributes", Map.of("seats", 5, "tier", "a"),
                "additional_attributes", Map.of("country", "UK")));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        JsonNode afterUpdate = EDGE.get(contacts(admin) + "/" + id, admin.token()).body().path("payload");
        assertThat(afterUpdate.path("name").asText()).isEqualTo("Ada Lovelace " + tag);
        assertThat(afterUpdate.path("custom_attributes"))
                .isEqualTo(Edge.JSON.valueToTree(Map.of("plan", "gold", "seats", 5, "tier", "a")));
        assertThat(afterUpdate.path("additional_attributes"))
                .isEqualTo(Edge.JSON.valueToTree(Map.of("city", "Berlin", "company_name", "Analytical",
                        "country", "UK")));

        Reply found = EDGE.get(contacts(admin) + "/search?q=LOVELACE%20" + tag, admin.token());
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(ids(found)).containsExactly(id);
        assertThat(found.body().path("meta").path("has_more").asBoolean()).isFalse();

        Reply listed = EDGE.get(contacts(admin) + "?sort=-created_at&per_page=100", admin.token());
        assertThat(ids(listed)).contains(id);

        Reply blocked = EDGE.call("PUT", contacts(admin) + "/" + id, admin.token(), Map.of("blocked", true));
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(200);
        assertThat(EDGE.get(contacts(admin) + "/" + id, admin.token()).body().path("payload").path("blocked")
                .asBoolean()).isTrue();

        assertThat(EDGE.call("DELETE", contacts(admin) + "/" + id, agent.token(), null).status())
                .as("delete is for administrators").isEqualTo(401);
        Reply deleted = EDGE.call("DELETE", contacts(admin) + "/" + id, admin.token(), null);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);

        Reply gone = EDGE.get(contacts(admin) + "/" + id, admin.token());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().path("error").asText()).isEqualTo("Contact not found");
        assertThat(ids(EDGE.get(contacts(admin) + "/search?q=" + tag, admin.token()))).isEmpty();

        Reply reused = EDGE.post(contacts(admin), admin.token(), Map.of("email", email));
        assertThat(reused.status()).as("a deleted contact frees its email: " + reused.raw()).isEqualTo(200);
    }

    @Test
    void duplicateEmailIsRejectedWithChatwootsValidationBody() {
        String email = unique() + "@dup.test";
        assertThat(EDGE.post(contacts(admin), admin.token(), Map.of("email", email)).status()).isEqualTo(200);

        Reply duplicate = EDGE.post(contacts(admin), admin.token(), Map.of("email", email.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body().path("message").asText()).isEqualTo("Email has already been taken");
        assertThat(duplicate.body().path("attributes").toString()).contains("email");

        Reply otherAccount = EDGE.post(contacts(stranger), stranger.token(), Map.of("email", email));
        assertThat(otherAccount.status()).as("uniqueness is per account").isEqualTo(200);
    }

    @Test
    void eightConcurrentCreatesWithOneEmailGiveExactlyOneContact() throws Exception {
        String email = unique() + "@race.test";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Reply> create = () -> {
                    start.await();
                    return EDGE.post(contacts(admin), admin.token(), Map.of("email", email));
                };
                replies.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).containsOnly(200, 422);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids(EDGE.get(contacts(admin) + "/search?q=" + email, admin.token()))).hasSize(1);
    }

    /** Concurrent creates commit in groups: a value two of a group claim is the first one's, the others commit. */
    @Test
    void concurrentCreatesSharingOneEmailAmongOthersGiveOneHolderAndLoseNoOtherCreate() throws Exception {
        String shared = unique() + "@group.test";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> sharing = new ArrayList<>();
        List<Reply> others = new ArrayList<>();
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String email = i % 2 == 0 ? shared : unique() + "@group.test";
                replies.add(pool.submit(() -> {
                    start.await();
                    return EDGE.post(contacts(admin), admin.token(), Map.of("name", "Grouped", "email", email));
                }));
            }
            start.countDown();
            for (int i = 0; i < 32; i++) {
                Reply reply = replies.get(i).get();
                if (i % 2 == 0) {
                    sharing.add(reply.status());
                } else {
                    others.add(reply);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sharing).containsOnly(200, 422);
        assertThat(sharing.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(others).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(ids(EDGE.get(contacts(admin) + "/search?q=" + shared, admin.token()))).hasSize(1);
        for (Reply reply : others) {
            String email = reply.body().path("payload").path("contact").path("email").asText();
            assertThat(ids(EDGE.get(contacts(admin) + "/search?q=" + email, admin.token()))).hasSize(1);
        }
    }

    @Test
    void accountsAreWalls() {
        Reply created = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Wall " + unique(),
                "email", unique() + "@wall.test"));
        long id = created.body().path("payload").path("contact").path("id").asLong();
        String path = contacts(admin) + "/" + id;

        Reply noToken = EDGE.get(path, null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().path("errors").toString()).contains("You need to sign in");

        Reply badToken = EDGE.get(path, "not-a-token");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.body().path("error").asText()).isEqualTo("Invalid Access Token");

        for (Reply foreign : List.of(EDGE.get(path, stranger.token()),
                EDGE.call("PATCH", path, stranger.token(), Map.of("name", "taken over")),
                EDGE.call("DELETE", path, stranger.token(), null))) {
            assertThat(foreign.status()).as(foreign.raw()).isEqualTo(401);
            assertThat(foreign.body().path("error").asText())
                    .isEqualTo("You are not authorized to access this account");
        }
        Reply viaOwnAccount = EDGE.get(contacts(stranger) + "/" + id, stranger.token());
        assertThat(viaOwnAccount.status()).as("another account's contact id is not found").isEqualTo(404);

        assertThat(EDGE.get("/api/v1/accounts/999999999/contacts", admin.token()).status()).isEqualTo(404);
        assertThat(EDGE.get(path, admin.token()).body().path("payload").path("name").asText())
                .startsWith("Wall ");
    }

    @Test
    void badInputGetsAJsonErrorAndWritesNothing() {
        String tag = unique();
        Reply invalid = EDGE.post(contacts(admin), admin.token(),
                Map.of("name", "Bad " + tag, "email", "not-an-email", "phone_number", "12345"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("attributes").toString()).contains("email", "phone_number");

        Reply tooLong = EDGE.post(contacts(admin), admin.token(), Map.of("name", "x".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().path("message").asText())
                .isEqualTo("Name is too long (maximum is 255 characters)");

        Reply malformed = EDGE.post(contacts(admin), admin.token(), "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().has("error")).isTrue();

        Reply hugeFilter = EDGE.post(contacts(admin) + "/filter", admin.token(),
                Map.of("payload", List.of(), "padding", "x".repeat(1_100_000)));
        assertThat(hugeFilter.status()).as("the read side limits bodies too").isEqualTo(413);
        assertThat(hugeFilter.body().path("error").asText()).startsWith("Request body is too large");

        Reply blankSearch = EDGE.get(contacts(admin) + "/search?q=%20", admin.token());
        assertThat(blankSearch.status()).isEqualTo(422);
        assertThat(blankSearch.body().path("error").asText()).isEqualTo("Specify search string with parameter q");

        assertThat(ids(EDGE.get(contacts(admin) + "/search?q=Bad%20" + tag, admin.token()))).isEmpty();
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    private static String digits(String tag) {
        return String.valueOf(Math.abs(tag.hashCode()) % 100_000_000L + 100_000_000L);
    }
}
