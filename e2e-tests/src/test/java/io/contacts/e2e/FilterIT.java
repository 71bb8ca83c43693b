package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels, custom attribute definitions and the filter DSL through the edge: reference scenarios 30–33, 59–62 and
 * the filter-service scenarios 82–97 (days_before on created_at instead of last_activity_at, which nothing sets).
 */
class FilterIT {

    private static final Edge EDGE = new Edge();
    private static Member admin;
    private static Member agent;
    private static long en;
    private static long el;
    private static long cs;
    private static String csPhone;
    private static String enName;

    @BeforeAll
    static void fixtures() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
        define("contact_additional_information", "text");
        define("customer_type", "list");
        define("signed_in_at", "date");
        String tag = unique();
        enName = "En " + tag;
        csPhone = "+4207" + (10_000_000 + (long) (Math.random() * 89_999_999));
        en = create(Map.of("name", enName, "email", "en" + tag + "@x.test",
                "additional_attributes", Map.of("country_code", "uk"),
                "custom_attributes", Map.of("contact_additional_information", "test custom data")));
        el = create(Map.of("name", "El " + tag, "email", "el" + tag + "@x.test",
                "additional_attributes", Map.of("country_code", "gr"),
                "custom_attributes", Map.of("contact_additional_information", "test custom data",
                        "customer_type", "platinum")));
        cs = create(Map.of("name", "Cs " + tag, "phone_number", csPhone,
                "additional_attributes", Map.of("country_code", "cz"),
                "custom_attributes", Map.of("customer_type", "platinum", "signed_in_at", "2022-01-19")));
        label(en, "random_label", "support");
        label(cs, "support");
    }

    private static void define(String key, String type) {
        Reply reply = EDGE.post(definitions(), admin.token(), Map.of("attribute_key", key,
                "attribute_display_name", key, "attribute_display_type", type, "attribute_model", "contact_attribute"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private static long create(Map<String, Object> contact) {
        Reply reply = EDGE.post(contacts(admin), admin.token(), contact);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("id").asLong();
    }

    private static void label(long contact, String... labels) {
        Reply reply = EDGE.post(contacts(admin) + "/" + contact + "/labels", agent.token(),
                Map.of("labels", Arrays.asList(labels)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private static String definitions() {
        return "/api/v1/accounts/" + admin.accountId() + "/custom_attribute_definitions";
    }

    private static Map<String, Object> condition(String key, String operator, Object values, String join) {
        Map<String, Object> condition = new HashMap<>();
        condition.put("attribute_key", key);
        condition.put("filter_operator", operator);
        condition.put("values", values);
        condition.put("query_operator", join);
        return condition;
    }

    private static Reply filter(Object... conditions) {
        return EDGE.post(contacts(admin) + "/filter", admin.token(), Map.of("payload", List.of(conditions)));
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(c -> ids.add(c.path("id").asLong()));
        assertThat(reply.body().path("meta").path("count").asLong()).isEqualTo(ids.size());
        return ids;
    }

    // --- labels (59–62) ---

    @Test
    void labelsAreReplacedAndReadByAnyMember() {
        long id = create(Map.of("email", unique() + "@labels.test"));
        assertThat(EDGE.get(contacts(admin) + "/" + id + "/labels", null).status()).isEqualTo(401);
        assertThat(EDGE.post(contacts(admin) + "/" + id + "/labels", null, Map.of("labels", List.of("a"))).status())
                .isEqualTo(401);

        Reply set = EDGE.post(contacts(admin) + "/" + id + "/labels", agent.token(),
                Map.of("labels", List.of("label1", " label2 ", "", "LABEL1")));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().path("payload")).isEqualTo(Edge.JSON.valueToTree(List.of("label1", "label2")));
        Reply read = EDGE.get(contacts(admin) + "/" + id + "/labels", agent.token());
        assertThat(read.body().path("payload")).isEqualTo(Edge.JSON.valueToTree(List.of("label1", "label2")));

        Reply replaced = EDGE.post(contacts(admin) + "/" + id + "/labels", agent.token(),
                Map.of("labels", List.of("label3", "label4")));
        assertThat(replaced.body().path("payload")).isEqualTo(Edge.JSON.valueToTree(List.of("label3", "label4")));
        assertThat(ids(EDGE.get(contacts(admin) + "?labels[]=LABEL4&per_page=100", admin.token()))).containsExactly(id);

        Reply cleared = EDGE.post(contacts(admin) + "/" + id + "/labels", agent.token(), Map.of("labels", "x"));
        assertThat(cleared.body().path("payload")).isEmpty();
        assertThat(EDGE.get(contacts(admin) + "/" + id + "/labels", admin.token()).body().path("payload")).isEmpty();
        assertThat(EDGE.get(contacts(admin) + "/999999999/labels", admin.token()).status()).isEqualTo(404);
    }

    @Test
    void theIndexLabelsFilterIsAnyMatch() {
        assertThat(ids(EDGE.get(contacts(admin) + "?labels[]=support&labels[]=nope&per_page=100", admin.token())))
                .containsExactlyInAnyOrder(en, cs);
        assertThat(ids(EDGE.get(contacts(admin) + "?labels=random_label", admin.token()))).containsExactly(en);
    }

    // --- filter endpoint (30–33) ---

    @Test
    void filterNeedsAuthAndSpeaksChatwootsErrors() {
        assertThat(EDGE.get(contacts(admin) + "/filter", null).status()).isEqualTo(401);
        assertThat(EDGE.post(contacts(admin) + "/filter", null, Map.of("payload", List.of())).status()).isEqualTo(401);

        Reply eq = filter(condition("country_code", "eq", List.of("US"), null));
        assertThat(eq.status()).isEqualTo(422);
        assertThat(eq.body().path("error").asText())
                .isEqualTo("Invalid operator. The allowed operators for country_code are [equal_to,not_equal_to].");
        Reply empty = filter(condition("country_code", "equal_to", List.of(), null));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.raw()).contains("Invalid value. The values provided for country_code are invalid\"");
        Reply undefined = filter(condition("tier", "equal_to", List.of("x"), null));
        assertThat(undefined.status()).isEqualTo(422);
        assertThat(undefined.body().path("error").asText()).startsWith("Invalid attribute key - [tier].");
        Reply badDate = filter(condition("signed_in_at", "is_less_than", List.of("yesterday-ish"), null));
        assertThat(badDate.status()).as(badDate.raw()).isEqualTo(422);

        Reply missing = EDGE.post(contacts(admin) + "/filter", admin.token(), Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("error").asText()).startsWith("Specify the filter conditions in payload");
        assertThat(EDGE.post(contacts(admin) + "/filter", admin.token(), "{\"payload\":").status()).isEqualTo(400);
    }

    @Test
    void countryCodeIsCaseInsensitive() {
        assertThat(ids(filter(condition("country_code", "equal_to", List.of("UK"), null)))).containsExactly(en);
        assertThat(ids(filter(condition("country_code", "equal_to", List.of("uk", "GR"), null))))
                .containsExactlyInAnyOrder(en, el);
    }

    @Test
    void anEmptyPayloadIsEveryResolvedContactPagedAndSortedLikeTheIndex() {
        Reply all = EDGE.post(contacts(admin) + "/filter?sort=name", admin.token(),
                Map.of("payload", List.of(), "page", 2, "per_page", 1));
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("meta").path("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(all.body().path("meta").path("current_page").asInt()).isEqualTo(2);
        assertThat(all.body().path("meta").path("current_page").isNumber()).isTrue();
        assertThat(all.body().path("payload")).hasSize(1);
    }

    // --- filter service (82–97) ---

    @Test
    void nameAndPhone() {
        assertThat(ids(filter(condition("name", "equal_to", List.of(enName.toUpperCase()), null)))).containsExactly(en);
        assertThat(ids(filter(condition("phone_number", "equal_to", List.of(csPhone), null)))).containsExactly(cs);
        assertThat(ids(filter(condition("phone_number", "equal_to", List.of(csPhone.substring(1)), null))))
                .containsExactly(cs);
        assertThat(ids(filter(condition("phone_number", "starts_with", List.of(csPhone.substring(1, 8)), null))))
                .containsExactly(cs);
        assertThat(ids(filter(condition("name", "contains", "  " + enName.toLowerCase() + " ", null))))
                .containsExactly(en);
    }

    @Test
    void blocked() {
        long blocked = create(Map.of("email", unique() + "@blocked.test", "blocked", true));
        try {
            assertThat(ids(filter(condition("blocked", "equal_to", List.of("true"), null)))).containsExactly(blocked);
            assertThat(ids(filter(condition("blocked", "equal_to", List.of(false), null)))).doesNotContain(blocked)
                    .contains(en, el, cs);
        } finally {
            EDGE.call("DELETE", contacts(admin) + "/" + blocked, admin.token(), null);
        }
    }

    @Test
    void labelConditions() {
        assertThat(ids(filter(condition("labels", "equal_to", List.of("support"), null))))
                .containsExactlyInAnyOrder(en, cs);
        assertThat(ids(filter(condition("labels", "not_equal_to", List.of("support"), null))))
                .contains(el).doesNotContain(en, cs);
        assertThat(ids(filter(condition("labels", "is_present", List.of(), null)))).containsExactlyInAnyOrder(en, cs);
        assertThat(ids(filter(condition("labels", "is_not_present", List.of(), null)))).contains(el)
                .doesNotContain(en, cs);
        Reply invalid = filter(condition("labels", "is_not_present", List.of(), "INVALID"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("error").asText()).isEqualTo("Query operator must be either \"AND\" or \"OR\".");
    }

    @Test
    void datesCompareCalendarDays() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        // 92/93 on created_at: everything here was created today, so nothing is strictly before today
        assertThat(ids(filter(condition("created_at", "days_before", List.of(0), null)))).isEmpty();
        assertThat(ids(filter(condition("created_at", "is_less_than", List.of(tomorrow), null))))
                .contains(en, el, cs);
        assertThat(ids(filter(condition("created_at", "is_greater_than", List.of(today), null)))).isEmpty();
    }

    @Test
    void customAttributesTypedByTheirDefinitions() {
        // 95
        assertThat(ids(filter(condition("customer_type", "equal_to", List.of("platinum"), "AND"),
                condition("labels", "equal_to", List.of("support"), "AND"),
                condition("signed_in_at", "is_less_than", List.of("2022-01-20"), null)))).containsExactly(cs);
        // 96
        assertThat(ids(filter(condition("customer_type", "equal_to", List.of("platinum"), "AND"),
                condition("country_code", "equal_to", List.of("GR"), "AND"),
                condition("contact_additional_information", "equal_to", List.of("test custom data"), null))))
                .containsExactly(el);
        // 97, with a trailing query operator that is ignored
        assertThat(ids(filter(condition("customer_type", "equal_to", List.of("PLATINUM"), "and"),
                condition("created_at", "is_less_than", List.of(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()),
                        "AND")))).containsExactlyInAnyOrder(el, cs);
        assertThat(ids(filter(condition("signed_in_at", "is_greater_than", List.of("2022-01-18"), null))))
                .containsExactly(cs);
        // not_equal_to on a custom attribute also matches contacts without it
        assertThat(ids(filter(condition("customer_type", "not_equal_to", List.of("platinum"), null))))
                .contains(en).doesNotContain(el, cs);
    }

    @Test
    void andBindsTighterThanOr() {
        // en OR (el AND cs) = en
        assertThat(ids(filter(condition("country_code", "equal_to", List.of("uk"), "OR"),
                condition("country_code", "equal_to", List.of("gr"), "AND"),
                condition("country_code", "equal_to", List.of("cz"), null)))).containsExactly(en);
        // (el AND platinum) OR cs
        assertThat(ids(filter(condition("country_code", "equal_to", List.of("gr"), "AND"),
                condition("customer_type", "equal_to", List.of("platinum"), "OR"),
                condition("country_code", "equal_to", List.of("cz"), null)))).containsExactlyInAnyOrder(el, cs);
    }

    // --- definitions ---

    @Test
    void definitionsAreValidatedListedAndDeleted() {
        Reply duplicate = EDGE.post(definitions(), admin.token(), Map.of("attribute_key", "customer_type",
                "attribute_display_name", "Again", "attribute_display_type", "list", "attribute_model",
                "contact_attribute"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body().path("message").asText()).isEqualTo("Attribute key has already been taken");
        Reply invalid = EDGE.post(definitions(), admin.token(), Map.of("attribute_key", "Bad Key",
                "attribute_display_name", "", "attribute_display_type", "colour"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("attributes")).hasSize(3);
        assertThat(EDGE.post(definitions(), agent.token(), Map.of("attribute_key", "x", "attribute_display_name",
                "X")).status()).isEqualTo(401);

        Reply created = EDGE.post(definitions(), admin.token(), Map.of("attribute_key", "plan_" + unique(),
                "attribute_display_name", "Plan", "attribute_display_type", "list", "attribute_model",
                "contact_attribute", "attribute_values", List.of("gold", "silver")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode definition = created.body();
        assertThat(definition.path("attribute_values")).hasSize(2);
        assertThat(definition.has("default_value")).isTrue();
        Reply listed = EDGE.get(definitions() + "?attribute_model=contact_attribute", agent.token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().isArray()).isTrue();
        assertThat(listed.body().findValuesAsText("attribute_key")).contains("customer_type",
                definition.path("attribute_key").asText());
        String one = definitions() + "/" + definition.path("id").asLong();
        assertThat(EDGE.get(one, agent.token()).body().path("attribute_display_name").asText()).isEqualTo("Plan");
        assertThat(EDGE.call("DELETE", one, admin.token(), null).status()).isEqualTo(200);
        assertThat(EDGE.get(one, admin.token()).status()).isEqualTo(404);
    }
}
