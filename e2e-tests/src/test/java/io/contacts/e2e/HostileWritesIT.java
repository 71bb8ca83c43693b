package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.e2e.HostileInput.Kind;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.Generate.pick;

/**
 * Every JSON write endpoint under malformed JSON, wrong types, huge strings and deep nesting: 400 / 413 / 422 with a
 * JSON error, never a 5xx or internals, and nothing written (the account's snapshot is unchanged afterwards).
 */
class HostileWritesIT implements NothingWritten {

    private static final HostileAccount ACCOUNT = new HostileAccount();

    /** A JSON write endpoint: a valid body, and the type each of its fields takes. */
    record Endpoint(String name, String method, Function<HostileAccount, String> path, boolean platform,
                    Function<String, ObjectNode> valid, Map<String, Kind> fields) {

        Edge.Reply send(byte[] body) {
            String token = platform ? TestInfrastructure.platformToken() : ACCOUNT.admin.token();
            return ACCOUNT.edge.raw(method, path.apply(ACCOUNT), Map.of("api_access_token", token,
                    "Content-Type", "application/json", "Accept", "application/json"), body);
        }

        Edge.Reply send(JsonNode body) {
            return send(body.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    static List<Endpoint> endpoints() {
        Map<String, Kind> contact = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "phone_number", "identifier", "avatar_url")) {
            contact.put(field, Kind.STRING);
        }
        contact.put("blocked", Kind.BOOLEAN);
        contact.put("custom_attributes", Kind.OBJECT);
        contact.put("additional_attributes", Kind.OBJECT);
        Map<String, Kind> create = new LinkedHashMap<>(contact);
        create.put("inbox_id", Kind.NUMBER);
        create.put("source_id", Kind.STRING);
        Function<HostileAccount, String> contacts = a -> Edge.contacts(a.admin);
        return List.of(
                new Endpoint("contacts", "POST", contacts, false, u -> json(Map.of("name", HostileAccount.PROBE + u,
                        "email", HostileAccount.PROBE + u + "@hostile.test", "custom_attributes", Map.of("plan", "x"),
                        "inbox_id", ACCOUNT.inboxId)), create),
                new Endpoint("contacts/batch_upsert", "POST", a -> Edge.contacts(a.admin) + "/batch_upsert", false,
                        u -> json(Map.of("match_by", "email", "contacts", List.of(Map.of("name",
                                HostileAccount.PROBE + u, "email", HostileAccount.PROBE + u + "@hostile.test")))),
                        Map.of("match_by", Kind.STRING, "contacts", Kind.OBJECTS)),
                new Endpoint("contacts/{id} PATCH", "PATCH", HostileAccount::contact, false,
                        u -> json(Map.of("name", HostileAccount.PROBE + u, "custom_attributes", Map.of("plan", u))),
                        contact),
                new Endpoint("contacts/{id} PUT", "PUT", HostileAccount::contact, false,
                        u -> json(Map.of("name", HostileAccount.PROBE + u, "blocked", true)), contact),
                new Endpoint("contacts/{id}/destroy_custom_attributes", "POST",
                        a -> a.contact() + "/destroy_custom_attributes", false,
                        u -> json(Map.of("custom_attributes", List.of("plan"))),
                        Map.of("custom_attributes", Kind.STRINGS)),
                // labels are cast as Rails casts them (anything but a list clears them): no wrong type to send
                new Endpoint("contacts/{id}/labels", "POST", a -> a.contact() + "/labels", false,
                        u -> json(Map.of("labels", List.of(HostileAccount.PROBE + u))), Map.of()),
                new Endpoint("contacts/{id}/contact_inboxes", "POST", a -> a.contact() + "/contact_inboxes", false,
                        u -> json(Map.of("inbox_id", ACCOUNT.inboxId, "source_id", HostileAccount.PROBE + u)),
                        Map.of("inbox_id", Kind.NUMBER, "source_id", Kind.STRING)),
                new Endpoint("inboxes", "POST", a -> a.base() + "/inboxes", false,
                        u -> json(Map.of("name", HostileAccount.PROBE + u, "channel", Map.of("type", "api"))),
                        Map.of("name", Kind.STRING, "channel", Kind.OBJECT)),
                new Endpoint("inbox_members", "POST", a -> a.base() + "/inbox_members", false,
                        u -> json(Map.of("inbox_id", ACCOUNT.inboxId, "user_ids", List.of(ACCOUNT.agent.userId()))),
                        Map.of("inbox_id", Kind.NUMBER, "user_ids", Kind.NUMBERS)),
                new Endpoint("custom_attribute_definitions", "POST", a -> a.base() + "/custom_attribute_definitions",
                        false, u -> json(Map.of("attribute_key", HostileAccount.PROBE + u,
                        "attribute_display_name", "Probe", "attribute_display_type", "list",
                        "attribute_model", "contact_attribute", "attribute_values", List.of("a", "b"))),
                        // attribute_values are cast as Rails casts them (non-strings dropped); the description is
                        // unbounded text, as Chatwoot's: no wrong type or length for those two
                        Map.of("attribute_key", Kind.STRING, "attribute_display_name", Kind.STRING,
                                "attribute_display_type", Kind.STRING, "attribute_model", Kind.STRING)),
                new Endpoint("custom_attribute_definitions/{id}", "PATCH",
                        a -> a.base() + "/custom_attribute_definitions/" + a.definitionId, false,
                        u -> json(Map.of("attribute_display_name", "Probe", "attribute_display_type", 6,
                                "attribute_model", 1, "attribute_values", List.of("a", "b"))),
                        Map.of("attribute_key", Kind.STRING, "attribute_display_name", Kind.STRING,
                                "attribute_display_type", Kind.STRING, "attribute_model", Kind.STRING)),
                new Endpoint("contacts/filter", "POST", a -> Edge.contacts(a.admin) + "/filter", false,
                        u -> json(Map.of("page", 1, "payload", List.of(Map.of("attribute_key", "name",
                                "filter_operator", "contains", "values", List.of("x"))))),
                        Map.of("payload", Kind.STRINGS)),
                new Endpoint("contacts/export", "POST", a -> Edge.contacts(a.admin) + "/export", false,
                        u -> json(Map.of("column_names", List.of("id", "name"), "label", "vip")),
                        // column_names are read loosely (unknown names, and anything not a name, are dropped)
                        Map.of("label", Kind.STRING, "payload", Kind.STRINGS)),
                new Endpoint("platform accounts", "POST", a -> "/platform/api/v1/accounts", true,
                        u -> json(Map.of("name", HostileAccount.PROBE + u)), Map.of("name", Kind.STRING)),
                new Endpoint("platform users", "POST", a -> "/platform/api/v1/users", true,
                        u -> json(Map.of("name", "Probe", "email", HostileAccount.PROBE + u + "@hostile.test",
                                "password", "Secret-" + u)),
                        Map.of("name", Kind.STRING, "email", Kind.STRING, "password", Kind.STRING)),
                new Endpoint("platform account_users", "POST",
                        a -> "/platform/api/v1/accounts/" + a.accountId + "/account_users", true,
                        u -> json(Map.of("user_id", ACCOUNT.agent.userId(), "role", "administrator")),
                        Map.of("user_id", Kind.NUMBER, "role", Kind.STRING)));
    }

    @Override
    public HostileAccount account() {
        return ACCOUNT;
    }

    static Gen<Pair<Endpoint, byte[]>> malformedBodies() {
        return pick(endpoints()).flatMap(endpoint -> HostileInput
                .malformed(endpoint.valid().apply(Edge.unique()).toString()).map(body -> Pair.of(endpoint, body)));
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        property(malformedBodies(), input -> {
            var before = ACCOUNT.baseline();
            Edge.Reply reply = input._1.send(input._2);
            Verdict.rejected(reply, input._1 + " with " + printable(input._2), 400);
            ACCOUNT.assertUnchanged(before, input._1.toString());
        });
    }

    static Gen<Pair<Endpoint, ObjectNode>> wrongTypes() {
        return pick(endpoints().stream().filter(endpoint -> !endpoint.fields().isEmpty()).toList())
                .flatMap(endpoint -> pick(new ArrayList<>(endpoint.fields().keySet()))
                        .flatMap(field -> HostileInput.wrongType(endpoint.fields().get(field)).map(value -> {
                            ObjectNode body = endpoint.valid().apply(Edge.unique());
                            body.set(field, value);
                            return Pair.of(endpoint, body);
                        })));
    }

    @Test
    void wrongTypesAre400AndWriteNothing() {
        property(wrongTypes(), input -> {
            var before = ACCOUNT.baseline();
            Edge.Reply reply = input._1.send(input._2);
            // 404 for an id field whose value names no inbox or user (Inbox not found)
            Verdict.rejected(reply, input._1 + " with " + input._2, 400, 404, 422);
            ACCOUNT.assertUnchanged(before, input._1.toString());
        });
    }

    static Gen<Pair<Endpoint, ObjectNode>> hugeStrings() {
        return pick(endpoints().stream().filter(endpoint -> endpoint.fields().containsValue(Kind.STRING)).toList())
                .flatMap(endpoint -> pick(endpoint.fields().entrySet().stream()
                        .filter(field -> field.getValue() == Kind.STRING).map(Map.Entry::getKey).toList())
                // a string may have 255 characters, an avatar_url (fetched, never stored) 2048
                .flatMap(field -> HostileInput.hugeText(field.equals("avatar_url") ? 2048 : 255).map(value -> {
                    ObjectNode body = endpoint.valid().apply(Edge.unique());
                    body.put(field, HostileAccount.PROBE + value);
                    return Pair.of(endpoint, body);
                })));
    }

    /** Too long (255 characters, 2048 for avatar_url): 422, or 413 over the 1 MB body limit. */
    @Test
    void hugeStringsAre422Or413AndWriteNothing() {
        property(hugeStrings(), input -> {
            var before = ACCOUNT.baseline();
            Edge.Reply reply = input._1.send(input._2);
            String what = input._1 + " with " + abbreviate(input._2.toString());
            if (input._1.name().equals("contacts/filter") || input._1.name().equals("contacts/export")) {
                Verdict.acceptedOr(reply, what, 413, 422);
            } else {
                Verdict.rejected(reply, what, 413, 422);
            }
            ACCOUNT.assertUnchanged(before, input._1.toString());
        });
    }

    static Gen<Pair<Endpoint, String>> deepBodies() {
        return pick(endpoints()).zip(HostileInput.deepNesting(), Pair::of);
    }

    /** Thousands of levels: the parser refuses them (400) or the body limit does (413); no stack overflows. */
    @Test
    void deepNestingIs400AndWritesNothing() {
        property(deepBodies(), input -> {
            var before = ACCOUNT.baseline();
            String object = "{\"x\":" + input._2 + "}";
            Edge.Reply reply = input._1.send(object.getBytes(StandardCharsets.UTF_8));
            Verdict.rejected(reply, input._1 + " nested " + abbreviate(object), 400, 413);
            ACCOUNT.assertUnchanged(before, input._1.toString());
        });
    }

    /** The typed fields of a batch upsert's item. */
    private static final Map<String, Kind> BATCH_ITEM = Map.of("name", Kind.STRING, "email", Kind.STRING,
            "phone_number", Kind.STRING, "identifier", Kind.STRING, "blocked", Kind.BOOLEAN,
            "custom_attributes", Kind.OBJECT, "additional_attributes", Kind.OBJECT, "labels", Kind.STRINGS);

    private static Edge.Reply batchUpsert(ObjectNode... items) {
        ObjectNode body = json(Map.of("match_by", "email"));
        body.putArray("contacts").addAll(List.of(items));
        return ACCOUNT.edge.raw("POST", Edge.contacts(ACCOUNT.admin) + "/batch_upsert", Map.of("api_access_token",
                ACCOUNT.admin.token(), "Content-Type", "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode batchItem(String unique) {
        return json(Map.of("name", HostileAccount.PROBE + unique, "email", HostileAccount.PROBE + unique
                + "@hostile.test", "custom_attributes", Map.of("plan", "x"), "labels", List.of("vip")));
    }

    static Gen<Pair<String, JsonNode>> batchItemWrongTypes() {
        return pick(new ArrayList<>(BATCH_ITEM.keySet()))
                .flatMap(field -> HostileInput.wrongType(BATCH_ITEM.get(field)).map(value -> Pair.of(field, value)));
    }

    /** A wrong JSON type in one item refuses the whole batch (400 naming the item), also its valid items. */
    @Test
    void batchItemsOfWrongTypesRefuseTheBatchAndWriteNothing() {
        property(batchItemWrongTypes(), input -> {
            var before = ACCOUNT.baseline();
            ObjectNode hostile = batchItem(Edge.unique());
            hostile.set(input._1, input._2);
            Edge.Reply reply = batchUpsert(batchItem(Edge.unique()), hostile);
            String what = "a batch item with " + input._1 + " " + input._2;
            Verdict.rejected(reply, what, 400);
            assertThat(reply.body().path("error").asText()).as(what).startsWith("contacts[1]." + input._1);
            ACCOUNT.assertUnchanged(before, what);
        });
    }

    static Gen<Pair<String, String>> batchItemHugeStrings() {
        return pick(List.of("name", "email", "phone_number", "identifier"))
                .zip(HostileInput.hugeText(255), Pair::of);
    }

    /** A value too long fails its item (200, the item "failed", naming the field); nothing of it is written. */
    @Test
    void batchItemsWithHugeStringsFailAndWriteNothing() {
        property(batchItemHugeStrings(), input -> {
            var before = ACCOUNT.baseline();
            ObjectNode hostile = batchItem(Edge.unique());
            hostile.put(input._1, HostileAccount.PROBE + input._2);
            Edge.Reply reply = batchUpsert(hostile);
            String what = "a batch item with " + input._1 + " " + abbreviate(input._2);
            Verdict.safe(reply, what);
            assertThat(reply.status()).as(what).isEqualTo(200);
            JsonNode item = reply.body().path("payload").path(0);
            assertThat(item.path("status").asText()).as(what).isEqualTo("failed");
            assertThat(item.path("errors").path(0).path("attribute").asText()).as(what).isEqualTo(input._1);
            ACCOUNT.assertUnchanged(before, what);
        });
    }

    /**
     * Odd text in every string field of a new contact: NUL and unpaired surrogates are refused (400: no database holds
     * them), anything else is stored and read back exactly as sent, or refused as invalid (422).
     */
    @Test
    void oddTextIsStoredExactlyOrRefused() {
        property(oddFields(), this::storedExactlyOrRefused);
    }

    private void storedExactlyOrRefused(Pair<String, String> input) {
        String field = input._1;
        String text = input._2;
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "odd " + Edge.unique()));
        body.put(field, text);
        Edge.Reply reply = ACCOUNT.edge.raw("POST", Edge.contacts(ACCOUNT.admin), Map.of("api_access_token",
                ACCOUNT.admin.token(), "Content-Type", "application/json"), HostileInput.escapedJson(body));
        String what = "a contact with " + field + " " + Verdict.printable(text);
        if (!storable(text)) {
            Verdict.rejected(reply, what, 400);
            return;
        }
        Verdict.acceptedOr(reply, what, 422);
        if (reply.status() == 200) {
            long id = reply.body().get("id").asLong();
            JsonNode shown = ACCOUNT.edge.get(Edge.contacts(ACCOUNT.admin) + "/" + id, ACCOUNT.admin.token()).body();
            JsonNode stored = shown.path(field);
            if (stored.isNull()) {
                assertThat(text.strip()).as(Verdict.printable(what) + " is stored as null only when blank").isEmpty();
            } else {
                assertThat(stored.asText()).as(Verdict.printable(what)).isIn(text, text.strip(),
                        text.toLowerCase(java.util.Locale.ROOT).strip());
            }
            Verdict.safe(ACCOUNT.edge.call("DELETE", Edge.contacts(ACCOUNT.admin) + "/" + id, ACCOUNT.admin.token(),
                    null), "delete");
        }
    }

    static Gen<Pair<String, String>> oddFields() {
        return pick(List.of("name", "email", "phone_number", "identifier")).zip(HostileInput.oddText(), Pair::of);
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode json(Map<String, Object> fields) {
        return Edge.JSON.valueToTree(fields);
    }

    static String abbreviate(String text) {
        return Verdict.printable(text);
    }

    static String printable(byte[] body) {
        return Verdict.printable(new String(body, StandardCharsets.ISO_8859_1));
    }
}
