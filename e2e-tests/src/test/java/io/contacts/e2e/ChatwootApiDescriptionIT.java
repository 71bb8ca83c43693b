package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests as a client generated from Chatwoot's published API description (its swagger) sends them: the custom
 * attribute definition enums as Chatwoot's integers, the index narrowed by {@code attribute_model=0|1}, and
 * {@code PATCH}/{@code PUT} of a definition, whose new display type types the next filters (docs/chatwoot-compatibility.md).
 */
class ChatwootApiDescriptionIT {

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
    void definitionEnumsAreTakenAsChatwootsIntegersAndAnsweredAsNames() {
        String number = "seats_" + unique();
        Reply created = EDGE.post(definitions(admin), admin.token(), Map.of("attribute_key", number,
                "attribute_display_name", "Seats", "attribute_display_type", 1, "attribute_model", 1));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.body().path("attribute_display_type").asText()).isEqualTo("number");
        assertThat(created.body().path("attribute_model").asText()).isEqualTo("contact_attribute");

        Reply checkbox = EDGE.post(definitions(admin), admin.token(), Map.of("attribute_key", "vip_" + unique(),
                "attribute_display_name", "VIP", "attribute_display_type", 7, "attribute_model", 0));
        assertThat(checkbox.status()).as(checkbox.raw()).isEqualTo(200);
        assertThat(checkbox.body().path("attribute_display_type").asText()).isEqualTo("checkbox");
        assertThat(checkbox.body().path("attribute_model").asText()).isEqualTo("conversation_attribute");

        Reply outOfRange = EDGE.post(definitions(admin), admin.token(), Map.of("attribute_key", "x_" + unique(),
                "attribute_display_name", "X", "attribute_display_type", 8, "attribute_model", 2));
        assertThat(outOfRange.status()).as(outOfRange.raw()).isEqualTo(422);
        assertThat(outOfRange.body().path("attributes")).containsExactlyInAnyOrder(
                Edge.JSON.getNodeFactory().textNode("attribute_display_type"),
                Edge.JSON.getNodeFactory().textNode("attribute_model"));
        assertThat(outOfRange.raw()).contains("Attribute display type is not included in the list");

        // the integer-typed definition types the filter: a number comparison
        long ten = contact(Map.of(number, 10));
        long nine = contact(Map.of(number, "9"));
        assertThat(ids(filter(number, "is_greater_than", "9.5")))
                .contains(ten).doesNotContain(nine);
    }

    @Test
    void aFormBodyCarriesTheIntegersAsText() {
        String key = "rating_" + unique();
        Reply created = EDGE.raw("POST", definitions(admin), Map.of("api_access_token", admin.token(),
                "Content-Type", "application/x-www-form-urlencoded"), ("attribute_key=" + key
                + "&attribute_display_name=Rating&attribute_display_type=3&attribute_model=1"
                + "&attribute_values[]=low&attribute_values[]=high").getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.body().path("attribute_display_type").asText()).isEqualTo("percent");
        assertThat(created.body().path("attribute_model").asText()).isEqualTo("contact_attribute");
        assertThat(created.body().path("attribute_values")).hasSize(2);

        Reply patched = EDGE.raw("PATCH", definitions(admin) + "/" + created.body().path("id").asLong(),
                Map.of("api_access_token", admin.token(), "Content-Type", "application/x-www-form-urlencoded"),
                "attribute_display_type=5".getBytes(StandardCharsets.UTF_8));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().path("attribute_display_type").asText()).isEqualTo("date");
    }

    @Test
    void theIndexIsNarrowedByTheIntegerOfTheModel() {
        String contactKey = "plan_" + unique();
        String conversationKey = "topic_" + unique();
        define(contactKey, "list", "contact_attribute");
        define(conversationKey, "text", "conversation_attribute");

        Reply contactOnly = EDGE.get(definitions(admin) + "?attribute_model=1", agent.token());
        assertThat(contactOnly.status()).as(contactOnly.raw()).isEqualTo(200);
        assertThat(contactOnly.body().findValuesAsText("attribute_key")).contains(contactKey)
                .doesNotContain(conversationKey);
        Reply conversationOnly = EDGE.get(definitions(admin) + "?attribute_model=0", agent.token());
        assertThat(conversationOnly.body().findValuesAsText("attribute_key")).contains(conversationKey)
                .doesNotContain(contactKey);
    }

    @Test
    void patchAndPutChangeADefinitionAndItsNewTypeTypesTheNextFilter() {
        String key = "score_" + unique();
        JsonNode definition = define(key, "text", "contact_attribute");
        String one = definitions(admin) + "/" + definition.path("id").asLong();
        long fortyTwo = contact(Map.of(key, "42"));
        long seven = contact(Map.of(key, "7"));
        long word = contact(Map.of(key, "abc"));
        // as text, "7" and "abc" sort after "10"
        assertThat(ids(filter(key, "is_greater_than", "10")))
                .contains(fortyTwo, seven, word);

        Reply patched = EDGE.call("PATCH", one, admin.token(), Map.of("attribute_display_type", 1));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().path("attribute_display_type").asText()).isEqualTo("number");
        assertThat(patched.body().path("attribute_key").asText()).isEqualTo(key);
        assertThat(patched.body().path("attribute_model").asText()).isEqualTo("contact_attribute");
        assertThat(patched.body().path("attribute_display_name").asText()).isEqualTo(key);
        assertThat(patched.body().path("id").asLong()).isEqualTo(definition.path("id").asLong());

        // at once (read-your-writes of configuration): stored values stay as they were, the filter reads them as
        // numbers now, as Chatwoot casts to the new type
        assertThat(ids(filter(key, "is_greater_than", "10")))
                .contains(fortyTwo).doesNotContain(seven, word);
        assertThat(EDGE.get(contacts(admin) + "/" + seven, admin.token()).body().path("payload")
                .path("custom_attributes").path(key).asText()).isEqualTo("7");

        Reply put = EDGE.call("PUT", one, admin.token(), Map.of("attribute_display_name", "Score",
                "attribute_description", "Lead score", "attribute_values", List.of("1", "2"),
                "attribute_display_type", "currency"));
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        JsonNode shown = EDGE.get(one, agent.token()).body();
        assertThat(shown.path("attribute_display_name").asText()).isEqualTo("Score");
        assertThat(shown.path("attribute_description").asText()).isEqualTo("Lead score");
        assertThat(shown.path("attribute_display_type").asText()).isEqualTo("currency");
        assertThat(shown.path("attribute_values")).hasSize(2);
        assertThat(shown.path("attribute_key").asText()).isEqualTo(key);
    }

    @Test
    void anUpdateIsRefusedAsACreateIsAndChangesNothing() {
        String key = "tier_" + unique();
        JsonNode definition = define(key, "list", "contact_attribute");
        long id = definition.path("id").asLong();
        String one = definitions(admin) + "/" + id;
        String taken = "taken_" + unique();
        define(taken, "text", "contact_attribute");

        Reply byAgent = EDGE.call("PATCH", one, agent.token(), Map.of("attribute_display_name", "Agent"));
        assertThat(byAgent.status()).as(byAgent.raw()).isEqualTo(401);
        assertThat(byAgent.body().path("error").asText()).isEqualTo("You are not authorized to do this action");
        assertThat(EDGE.call("PATCH", definitions(stranger) + "/" + id, stranger.token(),
                Map.of("attribute_display_name", "Stranger")).status()).isEqualTo(404);
        assertThat(EDGE.call("PUT", definitions(admin) + "/999999999999", admin.token(),
                Map.of("attribute_display_name", "Nobody")).status()).isEqualTo(404);
        assertThat(EDGE.call("PATCH", definitions(admin) + "/abc", admin.token(),
                Map.of("attribute_display_name", "Nobody")).status()).isEqualTo(404);

        Reply invalid = EDGE.call("PATCH", one, admin.token(), Map.of("attribute_display_type", "colour",
                "attribute_display_name", "", "attribute_key", "Bad Key"));
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(422);
        assertThat(invalid.body().path("attributes")).hasSize(3);
        Reply duplicate = EDGE.call("PATCH", one, admin.token(), Map.of("attribute_key", taken));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(422);
        assertThat(duplicate.body().path("message").asText()).isEqualTo("Attribute key has already been taken");
        Reply reserved = EDGE.call("PATCH", one, admin.token(), Map.of("attribute_key", "email"));
        assertThat(reserved.status()).as(reserved.raw()).isEqualTo(422);
        Reply wrongType = EDGE.call("PATCH", one, admin.token(), Map.of("attribute_display_type", List.of(1)));
        assertThat(wrongType.status()).as(wrongType.raw()).isEqualTo(400);

        JsonNode unchanged = EDGE.get(one, admin.token()).body();
        assertThat(unchanged.path("attribute_key").asText()).isEqualTo(key);
        assertThat(unchanged.path("attribute_display_name").asText()).isEqualTo(key);
        assertThat(unchanged.path("attribute_display_type").asText()).isEqualTo("list");
    }

    private static JsonNode define(String key, String type, String model) {
        Reply reply = EDGE.post(definitions(admin), admin.token(), Map.of("attribute_key", key,
                "attribute_display_name", key, "attribute_display_type", type, "attribute_model", model));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static long contact(Map<String, Object> customAttributes) {
        Reply reply = EDGE.post(contacts(admin), admin.token(), Map.of("email", unique() + "@swagger.test",
                "custom_attributes", customAttributes));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("id").asLong();
    }

    private static Reply filter(String key, String operator, String value) {
        return EDGE.post(contacts(admin) + "/filter", admin.token(), Map.of("payload", List.of(Map.of(
                "attribute_key", key, "filter_operator", operator, "values", List.of(value)))));
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(contact -> ids.add(contact.path("id").asLong()));
        return ids;
    }

    private static String definitions(Member member) {
        return "/api/v1/accounts/" + member.accountId() + "/custom_attribute_definitions";
    }
}
