package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with a known content for a hostile suite to attack: an administrator, an agent, an inbox, a custom
 * attribute definition and a labelled contact linked to the inbox. {@link #snapshot()} is everything a rejected
 * request must leave as it was.
 */
final class HostileAccount {

    /** In the name of every contact a hostile request tries to create: a search for it must find nothing. */
    static final String PROBE = "zqxprobe";

    final Edge edge = new Edge();
    final long accountId = edge.newAccount();
    final Member admin = edge.newMember(accountId, "administrator");
    final Member agent = edge.newMember(accountId, "agent");
    final long inboxId;
    final long definitionId;
    final long contactId;
    final String contactEmail = "seed-" + Edge.unique() + "@hostile.test";

    HostileAccount() {
        inboxId = ok(edge.post(base() + "/inboxes", admin.token(),
                Map.of("name", "Hostile inbox", "channel", Map.of("type", "api")))).get("id").asLong();
        definitionId = ok(edge.post(base() + "/custom_attribute_definitions", admin.token(), Map.of(
                "attribute_key", "plan", "attribute_display_name", "Plan", "attribute_display_type", "text",
                "attribute_model", "contact_attribute"))).get("id").asLong();
        contactId = ok(edge.post(Edge.contacts(admin), admin.token(), Map.of("name", "Seed Contact",
                "email", contactEmail, "phone_number", "+15550100" + (System.nanoTime() % 1000 + 1000),
                "identifier", "seed-" + Edge.unique(), "custom_attributes", Map.of("plan", "gold"),
                "additional_attributes", Map.of("city", "Athens"), "inbox_id", inboxId)))
                .get("id").asLong();
        ok(edge.post(contact() + "/labels", admin.token(), Map.of("labels", List.of("vip", "support"))));
    }

    String base() {
        return "/api/v1/accounts/" + accountId;
    }

    String contact() {
        return Edge.contacts(admin) + "/" + contactId;
    }

    /** What a rejected request must not change: the listed contacts, the seed contact, inboxes, definitions. */
    record Snapshot(long listed, JsonNode contact, JsonNode labels, JsonNode inboxes, JsonNode definitions,
                    long imports) {
    }

    Snapshot snapshot() {
        ObjectNode contact = (ObjectNode) ok(edge.get(contact(), admin.token())).deepCopy();
        // presence heartbeats (which take no body) move these; nothing else may
        contact.remove(List.of("availability_status", "last_activity_at", "payload"));
        return new Snapshot(
                ok(edge.get(Edge.contacts(admin) + "?per_page=1", admin.token())).path("meta").path("count").asLong(),
                contact,
                ok(edge.get(contact() + "/labels", admin.token())),
                ok(edge.get(base() + "/inboxes", admin.token())),
                ok(edge.get(base() + "/custom_attribute_definitions", admin.token())),
                ok(edge.get(base() + "/data_imports", admin.token())).path("payload").size());
    }

    private Snapshot baseline;

    /** The account before its first hostile request (taken once, by whichever test asks first). */
    Snapshot baseline() {
        if (baseline == null) {
            baseline = snapshot();
        }
        return baseline;
    }

    /** Nothing written since {@code before}: the same snapshot, and no contact carrying the probe. */
    void assertUnchanged(Snapshot before, String what) {
        assertThat(snapshot()).as("after %s the account is unchanged", what).isEqualTo(before);
        Reply probe = edge.get(Edge.contacts(admin) + "/search?q=" + PROBE, admin.token());
        assertThat(ok(probe).path("payload").size()).as("after %s no contact carries the probe", what).isZero();
    }

    static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("set-up or check request: %s", reply).isEqualTo(200);
        return reply.body();
    }
}
