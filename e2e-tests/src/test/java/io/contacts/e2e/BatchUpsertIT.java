package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /contacts/batch_upsert} through the edge: matching by each key, created / updated / unchanged / failed
 * items, a taken value naming its holder, duplicates within a request, the 1,000-contact limit, read-your-writes for
 * the whole batch (every read right after the 200, without waiting), any member may call it.
 */
class BatchUpsertIT {

    private static final Edge EDGE = new Edge();
    private static Member admin;
    private static Member agent;

    @BeforeAll
    static void account() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
    }

    private static Reply upsert(Member member, String matchBy, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("match_by", matchBy);
        body.put("contacts", items);
        return EDGE.post(contacts(member) + "/batch_upsert", member.token(), body);
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode show(long id) {
        return ok(EDGE.get(contacts(admin) + "/" + id, admin.token())).path("payload");
    }

    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        answer.path("payload").forEach(item -> statuses.add(item.path("status").asText()));
        return statuses;
    }

    private static Map<String, Object> contact(Object... fields) {
        Map<String, Object> contact = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            contact.put((String) fields[i], fields[i + 1]);
        }
        return contact;
    }

    private static String phone() {
        return "+4917" + (System.nanoTime() % 1_000_000_000L + 1_000_000_000L);
    }

    @Test
    void eachKeyMatchesItsContactUpdatesItAsAnUpdateAndCreatesTheRest() {
        for (String key : List.of("identifier", "email", "phone_number")) {
            String tag = unique();
            String value = switch (key) {
                case "email" -> "match-" + tag + "@batch.test";
                case "phone_number" -> phone();
                default -> "crm-" + tag;
            };
            long seed = ok(EDGE.post(contacts(admin), admin.token(), Map.of("name", "Seed " + tag, key, value,
                    "custom_attributes", Map.of("plan", "gold"), "additional_attributes", Map.of("city", "Athens"))))
                    .path("id").asLong();
            ok(EDGE.post(contacts(admin) + "/" + seed + "/labels", admin.token(), Map.of("labels", List.of("vip"))));

            Map<String, Object> update = contact("name", "Updated " + tag, key, value,
                    "custom_attributes", Map.of("seats", 5), "labels", List.of("batch"));
            JsonNode answer = ok(upsert(agent, key, List.of(update,
                    contact("name", "Created " + tag, key, "email".equals(key) ? "new-" + tag + "@batch.test"
                            : "phone_number".equals(key) ? phone() : "crm-new-" + tag),
                    contact("name", "Keyless " + tag))));

            assertThat(statuses(answer)).as(key).containsExactly("updated", "created", "created");
            JsonNode items = answer.path("payload");
            assertThat(items.get(0).path("id").asLong()).as(key).isEqualTo(seed);
            for (int i = 0; i < 3; i++) {
                assertThat(items.get(i).path("index").asInt()).isEqualTo(i);
                assertThat(items.get(i).path("errors")).as(key).isEmpty();
            }
            assertThat(answer.path("meta")).as(key).isEqualTo(Edge.JSON.valueToTree(
                    Map.of("created", 2, "updated", 1, "unchanged", 0, "failed", 0)));

            JsonNode updated = show(seed);
            assertThat(updated.path("name").asText()).isEqualTo("Updated " + tag);
            assertThat(updated.path("custom_attributes"))
                    .isEqualTo(Edge.JSON.valueToTree(Map.of("plan", "gold", "seats", 5)));
            assertThat(updated.path("additional_attributes")).isEqualTo(Edge.JSON.valueToTree(Map.of("city", "Athens")));
            assertThat(ok(EDGE.get(contacts(admin) + "/" + seed + "/labels", admin.token())).path("payload"))
                    .isEqualTo(Edge.JSON.valueToTree(List.of("vip", "batch")));
            assertThat(show(items.get(1).path("id").asLong()).path("name").asText()).isEqualTo("Created " + tag);
            assertThat(show(items.get(2).path("id").asLong()).path("name").asText()).isEqualTo("Keyless " + tag);
            assertThat(searched("Updated%20" + tag)).containsExactly(seed);

            JsonNode again = ok(upsert(admin, key, List.of(update)));
            assertThat(statuses(again)).as(key + ": the same update again").containsExactly("unchanged");
            assertThat(again.path("payload").get(0).path("id").asLong()).isEqualTo(seed);
            assertThat(again.path("meta").path("unchanged").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aFailedItemChangesNothingAndSaysWhyAndWhoHoldsATakenValue() {
        String tag = unique();
        String email = "holder-" + tag + "@batch.test";
        String phone = phone();
        long byEmail = ok(EDGE.post(contacts(admin), admin.token(), Map.of("name", "Email holder " + tag,
                "email", email))).path("id").asLong();
        long byPhone = ok(EDGE.post(contacts(admin), admin.token(), Map.of("name", "Phone holder " + tag,
                "phone_number", phone))).path("id").asLong();

        JsonNode answer = ok(upsert(admin, "email", List.of(
                contact("name", "Thief " + tag, "email", email, "phone_number", phone),
                contact("name", "Invalid " + tag, "email", "not-an-email", "custom_attributes", Map.of("x", 1)),
                contact("name", "x".repeat(256), "identifier", "long-" + tag),
                contact("name", "Linked " + tag, "inbox_id", 1),
                contact("name", "Fine " + tag, "email", "fine-" + tag + "@batch.test"))));

        assertThat(statuses(answer)).containsExactly("failed", "failed", "failed", "failed", "created");
        JsonNode items = answer.path("payload");
        assertThat(items.get(0).path("id").isNull()).isTrue();
        JsonNode taken = items.get(0).path("errors");
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).path("attribute").asText()).isEqualTo("phone_number");
        assertThat(taken.get(0).path("message").asText()).isEqualTo("Phone number has already been taken");
        assertThat(taken.get(0).path("holder_id").asLong()).isEqualTo(byPhone);
        assertThat(items.get(1).path("errors")).isEqualTo(Edge.JSON.valueToTree(List.of(Map.of(
                "attribute", "email", "message", "Email is invalid"))));
        assertThat(items.get(2).path("errors").get(0).path("attribute").asText()).isEqualTo("name");
        assertThat(items.get(2).path("errors").get(0).path("message").asText())
                .isEqualTo("Name is too long (maximum is 255 characters)");
        assertThat(items.get(3).path("errors").get(0).path("attribute").asText()).isEqualTo("inbox_id");
        assertThat(answer.path("meta")).isEqualTo(Edge.JSON.valueToTree(
                Map.of("created", 1, "updated", 0, "unchanged", 0, "failed", 4)));

        assertThat(show(byEmail).path("name").asText()).isEqualTo("Email holder " + tag);
        assertThat(show(byEmail).path("phone_number").isNull()).isTrue();
        assertThat(show(byPhone).path("name").asText()).isEqualTo("Phone holder " + tag);
        for (String q : List.of("Thief%20" + tag, "Invalid%20" + tag, "long-" + tag, "Linked%20" + tag)) {
            assertThat(searched(q)).as(q).isEmpty();
        }
        assertThat(searched("Fine%20" + tag)).containsExactly(items.get(4).path("id").asLong());
    }

    @Test
    void ofTwoItemsWithOneKeyTheLaterWins() {
        String tag = unique();
        String phone = phone();
        String email = "twice-" + tag + "@batch.test";
        JsonNode answer = ok(upsert(admin, "email", List.of(
                contact("name", "First " + tag, "email", email, "custom_attributes", Map.of("a", 1)),
                contact("name", "Second " + tag, "email", email.toUpperCase(), "custom_attributes", Map.of("b", 2),
                        "labels", List.of("later")))));

        assertThat(statuses(answer)).containsExactly("created", "updated");
        long id = answer.path("payload").get(0).path("id").asLong();
        JsonNode taken = ok(upsert(admin, "identifier", List.of(
                contact("name", "Holder " + tag, "identifier", "holder-" + tag, "phone_number", phone),
                contact("name", "Taker " + tag, "identifier", "taker-" + tag, "phone_number", phone))));
        assertThat(statuses(taken)).containsExactly("created", "failed");
        assertThat(taken.path("payload").get(1).path("errors").get(0).path("holder_id").asLong())
                .as("a contact an earlier item created holds it").isEqualTo(taken.path("payload").get(0)
                        .path("id").asLong());
        assertThat(answer.path("payload").get(1).path("id").asLong()).isEqualTo(id);
        JsonNode contact = show(id);
        assertThat(contact.path("name").asText()).isEqualTo("Second " + tag);
        assertThat(contact.path("custom_attributes")).isEqualTo(Edge.JSON.valueToTree(Map.of("a", 1, "b", 2)));
        assertThat(searched("Second%20" + tag)).containsExactly(id);
    }

    /** A thousand contacts: all searchable, listed and counted right after the 200; one more is refused. */
    @Test
    void aThousandContactsAreSearchableAtOnceAndOneMoreIsRefused() {
        Member member = EDGE.newMember(EDGE.newAccount(), "agent");
        String tag = unique();
        List<Map<String, Object>> thousand = IntStream.range(0, 1000).mapToObj(i -> contact("name", "Bulk " + tag
                + " " + i, "identifier", "bulk-" + tag + "-" + i, "custom_attributes", Map.of("n", i))).toList();

        List<Map<String, Object>> tooMany = new ArrayList<>(thousand);
        tooMany.add(contact("name", "One too many " + tag));
        Reply refused = upsert(member, "identifier", tooMany);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("attributes")).isEqualTo(Edge.JSON.valueToTree(List.of("contacts")));
        assertThat(refused.body().path("message").asText()).contains("maximum is 1000");
        assertThat(ok(EDGE.get(contacts(member), member.token())).path("meta").path("count").asLong()).isZero();

        JsonNode answer = ok(upsert(member, "identifier", thousand));
        assertThat(answer.path("meta").path("created").asInt()).isEqualTo(1000);
        assertThat(ok(EDGE.get(contacts(member), member.token())).path("meta").path("count").asLong())
                .isEqualTo(1000);
        JsonNode filtered = ok(EDGE.post(contacts(member) + "/filter", member.token(), Map.of("payload",
                List.of(Map.of("attribute_key", "name", "filter_operator", "contains", "values",
                        List.of("Bulk " + tag))))));
        assertThat(filtered.path("meta").path("count").asLong()).isEqualTo(1000);
        long last = answer.path("payload").get(999).path("id").asLong();
        Reply found = EDGE.get(contacts(member) + "/search?q=bulk-" + tag + "-999", member.token());
        assertThat(ok(found).path("payload").get(0).path("id").asLong()).isEqualTo(last);

        List<Map<String, Object>> renamed = thousand.stream().map(item -> {
            Map<String, Object> changed = new LinkedHashMap<>(item);
            changed.put("name", "Renamed " + item.get("name"));
            return changed;
        }).toList();
        JsonNode updated = ok(upsert(member, "identifier", renamed));
        assertThat(updated.path("meta").path("updated").asInt()).isEqualTo(1000);
        JsonNode renamedFound = ok(EDGE.post(contacts(member) + "/filter", member.token(), Map.of("payload",
                List.of(Map.of("attribute_key", "name", "filter_operator", "contains", "values",
                        List.of("Renamed Bulk " + tag))))));
        assertThat(renamedFound.path("meta").path("count").asLong()).isEqualTo(1000);
    }

    /**
     * Batches racing over the same keys (each one's plan made before the others committed): the loser of a claim
     * rolls back and applies its items one by one, so every key ends up with exactly one contact and no item fails.
     */
    @Test
    void concurrentBatchesOverTheSameKeysMakeOneContactPerKey() throws Exception {
        Member member = EDGE.newMember(EDGE.newAccount(), "agent");
        String tag = unique();
        List<String> emails = IntStream.range(0, 40).mapToObj(i -> "race-" + i + "-" + tag + "@batch.test").toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                List<String> order = new ArrayList<>(emails);
                Collections.shuffle(order, new Random(c));
                int client = c;
                replies.add(pool.submit(() -> upsert(member, "email", order.stream().map(email -> contact(
                        "name", "Racer " + tag, "email", email, "custom_attributes", Map.of("c" + client, 1)))
                        .toList())));
            }
            for (Future<Reply> reply : replies) {
                JsonNode answer = ok(reply.get());
                assertThat(answer.path("meta").path("failed").asInt()).as(answer.toString()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok(EDGE.get(contacts(member), member.token())).path("meta").path("count").asLong())
                .isEqualTo(emails.size());
        JsonNode merged = ok(EDGE.post(contacts(member) + "/filter", member.token(), Map.of("payload",
                List.of(Map.of("attribute_key", "email", "filter_operator", "equal_to", "values",
                        List.of(emails.get(0))))))).path("payload");
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).path("custom_attributes")).as("every batch's update reached the one contact")
                .isEqualTo(Edge.JSON.valueToTree(Map.of("c0", 1, "c1", 1, "c2", 1, "c3", 1, "c4", 1, "c5", 1)));
    }

    @Test
    void aMalformedRequestIsRefusedAsAWholeAndWritesNothing() {
        String tag = unique();
        Map<String, Object> valid = contact("name", "Refused " + tag);
        String path = contacts(admin) + "/batch_upsert";

        for (Object matchBy : new Object[]{null, "name", "Email", 5, List.of("email"), Map.of()}) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (matchBy != null) {
                body.put("match_by", matchBy);
            }
            body.put("contacts", List.of(valid));
            Reply refused = EDGE.post(path, admin.token(), body);
            assertThat(refused.status()).as(matchBy + ": " + refused.raw()).isEqualTo(422);
            assertThat(refused.body().path("attributes")).isEqualTo(Edge.JSON.valueToTree(List.of("match_by")));
            assertThat(refused.body().path("message").asText()).contains("identifier, email, phone_number");
        }
        Reply noContacts = EDGE.post(path, admin.token(), Map.of("match_by", "email"));
        assertThat(noContacts.status()).as(noContacts.raw()).isEqualTo(422);
        assertThat(noContacts.body().path("attributes")).isEqualTo(Edge.JSON.valueToTree(List.of("contacts")));

        Reply notAnObject = EDGE.post(path, admin.token(), Map.of("match_by", "email",
                "contacts", List.of(valid, "Refused " + tag)));
        assertThat(notAnObject.status()).as(notAnObject.raw()).isEqualTo(400);
        assertThat(notAnObject.body().path("error").asText()).isEqualTo("contacts[1] must be an object");
        Reply wrongType = EDGE.post(path, admin.token(), Map.of("match_by", "email",
                "contacts", List.of(valid, contact("name", "Refused " + tag, "email", List.of("a@b.test")))));
        assertThat(wrongType.status()).as(wrongType.raw()).isEqualTo(400);
        assertThat(wrongType.body().path("error").asText()).isEqualTo("contacts[1].email must be a string");

        assertThat(searched("Refused%20" + tag)).isEmpty();
        JsonNode empty = ok(upsert(admin, "email", List.of()));
        assertThat(empty.path("payload")).isEmpty();
    }

    private static List<Long> searched(String q) {
        List<Long> ids = new ArrayList<>();
        ok(EDGE.get(contacts(admin) + "/search?q=" + q, admin.token())).path("payload")
                .forEach(contact -> ids.add(contact.path("id").asLong()));
        return ids;
    }
}
