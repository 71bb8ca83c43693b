package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes for the account configuration reads depend on: every read right after a configuration write's
 * 2xx uses it, although the read before it (made first on purpose) loaded the query-service's caches. No waiting
 * anywhere: each assertion is on the very next request.
 */
class ConfigurationReadYourWritesIT {

    private static final Edge EDGE = new Edge();
    private Member admin;
    private Member agent;

    @BeforeEach
    void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        agent = EDGE.newMember(admin.accountId(), "agent");
    }

    private String definitions() {
        return "/api/v1/accounts/" + admin.accountId() + "/custom_attribute_definitions";
    }

    private Reply filter(String key, String value) {
        return EDGE.post(contacts(admin) + "/filter", admin.token(), Map.of("payload", List.of(Map.of(
                "attribute_key", key, "filter_operator", "equal_to", "values", List.of(value)))));
    }

    private JsonNode define(String key, String type) {
        Reply created = EDGE.post(definitions(), admin.token(), Map.of("attribute_key", key,
                "attribute_display_name", key, "attribute_display_type", type, "attribute_model",
                "contact_attribute"));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return created.body();
    }

    /** With an email: filters answer resolved contacts only. */
    private long newContact(Map<String, Object> fields) {
        Map<String, Object> resolved = new HashMap<>(fields);
        resolved.put("email", unique() + "@config.test");
        Reply reply = EDGE.post(contacts(admin), admin.token(), resolved);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("payload").path("contact").path("id").asLong();
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    private JsonNode newInbox() {
        Reply reply = EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                Map.of("name", "Inbox " + unique(), "channel", Map.of("type", "api")));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private List<Long> contactable(Member member, long contactId) {
        Reply reply = EDGE.get(contacts(member) + "/" + contactId + "/contactable_inboxes", member.token());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(item -> ids.add(item.path("inbox").path("id").asLong()));
        return ids;
    }

    private Reply inboxMembers(String method, long inboxId) {
        return EDGE.call(method, "/api/v1/accounts/" + admin.accountId() + "/inbox_members", admin.token(),
                Map.of("inbox_id", inboxId, "user_ids", List.of(agent.userId())));
    }

    @Test
    void aNewDefinitionTypesTheNextFilter() {
        String warm = "warm_" + unique().replace('-', '_');
        define(warm, "text");
        long gold = newContact(Map.of("name", "Gold", "custom_attributes", Map.of("tier_x", "gold")));
        assertThat(ids(filter(warm, "anything"))).isEmpty();
        String key = "tier_" + unique().replace('-', '_');
        long tiered = newContact(Map.of("name", "Tiered", "custom_attributes", Map.of(key, "gold")));

        define(key, "text");

        assertThat(ids(filter(key, "gold"))).containsExactly(tiered).doesNotContain(gold);
    }

    @Test
    void aDeletedDefinitionNoLongerTypesTheNextFilter() {
        String key = "gone_" + unique().replace('-', '_');
        JsonNode definition = define(key, "text");
        long contact = newContact(Map.of("name", "Gone", "custom_attributes", Map.of(key, "x")));
        assertThat(ids(filter(key, "x"))).containsExactly(contact);

        Reply deleted = EDGE.call("DELETE", definitions() + "/" + definition.path("id").asLong(), admin.token(), null);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);

        Reply refused = filter(key, "x");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("error").asText()).startsWith("Invalid attribute key - [" + key + "]");
    }

    @Test
    void aNewInboxIsContactableAtOnce() {
        long contact = newContact(Map.of("name", "Reachable"));
        List<Long> before = contactable(admin, contact);

        long inbox = newInbox().path("id").asLong();

        assertThat(contactable(admin, contact)).containsAll(before).contains(inbox);
    }

    @Test
    void anAddedOrRemovedInboxMembershipCountsAtOnce() {
        long contact = newContact(Map.of("name", "Member's"));
        long inbox = newInbox().path("id").asLong();
        assertThat(contactable(agent, contact)).isEmpty();

        assertThat(inboxMembers("POST", inbox).status()).isEqualTo(200);
        assertThat(contactable(agent, contact)).containsExactly(inbox);

        Reply removed = inboxMembers("DELETE", inbox);
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(contactable(agent, contact)).isEmpty();
    }

    @Test
    void aRemovedMemberLosesReadAccessAtOnce() {
        assertThat(EDGE.get(contacts(agent), agent.token()).status()).isEqualTo(200);

        Reply removed = EDGE.call("DELETE", "/platform/api/v1/accounts/" + admin.accountId() + "/account_users",
                TestInfrastructure.platformToken(), Map.of("user_id", agent.userId()));
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);

        Reply refused = EDGE.get(contacts(agent), agent.token());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(refused.body().path("error").asText()).isNotBlank();
        assertThat(EDGE.post(contacts(agent) + "/filter", agent.token(), Map.of("payload", List.of())).status())
                .isEqualTo(401);
    }

    @Test
    void aDemotedAdministratorLosesAdministratorReadsAtOnce() {
        Member second = EDGE.newMember(admin.accountId(), "administrator");
        String export = "/api/v1/accounts/" + admin.accountId() + "/data_exports/987654321";
        assertThat(EDGE.get(export, second.token()).status()).isEqualTo(404);

        Reply demoted = EDGE.post("/platform/api/v1/accounts/" + admin.accountId() + "/account_users",
                TestInfrastructure.platformToken(), Map.of("user_id", second.userId(), "role", "agent"));
        assertThat(demoted.status()).as(demoted.raw()).isEqualTo(200);

        Reply refused = EDGE.get(export, second.token());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(refused.body().path("error").asText()).isEqualTo("You are not authorized to do this action");
    }
}
