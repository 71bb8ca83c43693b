package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Search, filter, list parameters and path ids under query syntax, SQL fragments and odd text: search and filter
 * match text literally (never everything because of syntax), odd parameters never give a 5xx, wrong ids are 404.
 */
class HostileReadsIT implements NothingWritten {

    private static final HostileAccount ACCOUNT = new HostileAccount();
    /** A contact whose name holds every piece of syntax, so a literal search can find it and only it. */
    private static final String LITERAL_NAME =
            "Lit *?~\"\\ AND OR NOT name:x /re/ {\"query\":1} ' OR 1=1 -- % _ [a TO z]";
    private static final long LITERAL = HostileAccount.ok(ACCOUNT.edge.post(Edge.contacts(ACCOUNT.admin),
            ACCOUNT.admin.token(), Map.of("name", LITERAL_NAME, "email", "literal-" + Edge.unique() + "@hostile.test")))
            .get("id").asLong();

    @Override
    public HostileAccount account() {
        return ACCOUNT;
    }

    static Gen<String> searchText() {
        Gen<String> syntax = pick(HostileInput.QUERY_SYNTAX);
        Gen<String> pieceOfTheName = range(0, LITERAL_NAME.length() - 1).zip(range(1, 12),
                (from, n) -> LITERAL_NAME.substring(from, Math.min(LITERAL_NAME.length(), from + n)));
        return oneOf(syntax, pieceOfTheName, HostileInput.oddText(), syntax.zip(syntax, (a, b) -> a + " " + b));
    }

    /** 200 with only contacts that hold the text literally (the literal contact whenever its name does), or 422. */
    @Test
    void searchMatchesTextLiterally() {
        property(searchText(), this::searchMatchesLiterally);
    }

    private void searchMatchesLiterally(String sent) {
        ACCOUNT.baseline();
        Edge.Reply reply = ACCOUNT.edge.get(Edge.contacts(ACCOUNT.admin) + "/search?q=" + encode(sent),
                ACCOUNT.admin.token());
        // what the service got: a lone surrogate cannot be encoded and travels as "?"
        String q = URLDecoder.decode(encode(sent), StandardCharsets.UTF_8);
        String what = "search for " + Verdict.printable(q);
        Verdict.acceptedOr(reply, what, 422);
        if (reply.status() == 422) {
            assertThat(q.strip()).as(what + " is refused only when blank").isEmpty();
            return;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        for (JsonNode contact : reply.body().path("payload")) {
            String text = String.join("\n", contact.path("name").asText(), contact.path("email").asText(),
                    contact.path("phone_number").asText(), contact.path("identifier").asText());
            assertThat(text.toLowerCase(Locale.ROOT)).as(Verdict.printable(what + " found " + contact))
                    .contains(needle);
        }
        if (LITERAL_NAME.toLowerCase(Locale.ROOT).contains(needle)) {
            assertThat(reply.body().path("payload").findValuesAsText("id")).as(what).contains(String.valueOf(LITERAL));
        }
    }

    /** A text condition of a filter. */
    record Condition(String value, String key, String operator) {
    }

    /** The filter's text operators compare values literally, whatever syntax they hold. */
    @Test
    void filterValuesMatchLiterally() {
        property(searchText().zip(textKeys(), textOperators(), Condition::new), this::filterMatchesLiterally);
    }

    private void filterMatchesLiterally(Condition condition) {
        String value = condition.value();
        String key = condition.key();
        String operator = condition.operator();
        ACCOUNT.baseline();
        Edge.Reply reply = ACCOUNT.edge.raw("POST", Edge.contacts(ACCOUNT.admin) + "/filter", Map.of(
                "api_access_token", ACCOUNT.admin.token(), "Content-Type", "application/json"),
                HostileInput.escapedJson(Map.of("payload", List.of(Map.of("attribute_key", key,
                        "filter_operator", operator, "values", List.of(value))))));
        String what = "filter " + key + " " + operator + " " + Verdict.printable(value);
        Verdict.acceptedOr(reply, what, 422);
        if (reply.status() != 200 || value.strip().isEmpty()) {
            // a blank value is the empty substring, in every value (Chatwoot's LIKE '%%'): not a literal test
            return;
        }
        String needle = value.strip().toLowerCase(Locale.ROOT);
        for (JsonNode contact : reply.body().path("payload")) {
            String field = contact.path(key).asText().toLowerCase(Locale.ROOT);
            if (operator.equals("contains")) {
                assertThat(field).as(Verdict.printable(what + " found " + contact)).contains(needle);
            } else {
                assertThat(field).as(Verdict.printable(what + " found " + contact)).isEqualTo(needle);
            }
        }
    }

    static Gen<String> textKeys() {
        return pick(List.of("name", "email", "identifier"));
    }

    static Gen<String> textOperators() {
        return pick(List.of("contains", "equal_to"));
    }

    static Gen<Pair<String, String>> oddParameters() {
        Gen<String> names = pick(List.of("page", "per_page", "sort", "include_contact_inboxes", "labels[]",
                "labels", "q", "attribute_model", "page[]", "sort[]", "per_page[x]"));
        Gen<String> values = oneOf(pick(List.of("-1", "0", "1.5", "abc", "", "99999999999999999999",
                        "1e9", "2147483648", "-created_at,,name", "-", ",", "name,-name,email,-email,created_at,city",
                        "true", "TRUE", "null", "[]", "{}", "1;DROP TABLE contacts")),
                HostileInput.oddText(), pick(HostileInput.QUERY_SYNTAX));
        return names.zip(values, Pair::of);
    }

    /** Every listing endpoint with odd parameters: a page of at most 100 contacts, or a JSON client error. */
    @Test
    void oddParametersNeverFail() {
        property(oddParameters().zip(listings(), Pair::of), input -> oddParameterNeverFails(input._1, input._2));
    }

    private void oddParameterNeverFails(Pair<String, String> parameter, String listing) {
        ACCOUNT.baseline();
        String query = encode(parameter._1) + "=" + encode(parameter._2);
        String what = listing + "?" + query;
        Edge.Reply reply = listing.endsWith("filter")
                ? ACCOUNT.edge.post(ACCOUNT.base() + listing + "?" + query, ACCOUNT.admin.token(),
                Map.of("payload", List.of()))
                : ACCOUNT.edge.get(ACCOUNT.base() + listing + (listing.contains("?") ? "&" : "?") + query,
                ACCOUNT.admin.token());
        Verdict.acceptedOr(reply, what, 400, 422);
        if (reply.status() == 200 && reply.body().has("payload") && reply.body().path("payload").isArray()) {
            assertThat(reply.body().path("payload").size()).as(what).isLessThanOrEqualTo(100);
        }
    }

    static Gen<String> listings() {
        return pick(List.of("/contacts", "/contacts/search?q=lit", "/contacts/filter", "/contacts/active",
                "/inboxes", "/custom_attribute_definitions", "/data_imports"));
    }

    static Gen<Pair<String, String>> wrongIds() {
        Gen<String> ids = oneOf(pick(List.of("-1", "0", "99999999999999999999",
                        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1.5", "1e3", "abc",
                        "%20", "%C3%A9", "%E2%80%AE", "1%3B", "null", "undefined", "0x10", "%2B1", "1%20OR%201%3D1")),
                longRange(1_000_000_000L, Long.MAX_VALUE).map(id -> Long.toString(id)));
        Gen<String> templates = pick(List.of("GET /contacts/{id}", "PATCH /contacts/{id}",
                "PUT /contacts/{id}", "DELETE /contacts/{id}", "POST /contacts/{id}/destroy_custom_attributes",
                "GET /contacts/{id}/labels", "POST /contacts/{id}/labels", "POST /contacts/{id}/presence",
                "POST /contacts/{id}/contact_inboxes", "GET /contacts/{id}/contactable_inboxes",
                "DELETE /contacts/{id}/avatar", "GET /custom_attribute_definitions/{id}",
                "DELETE /custom_attribute_definitions/{id}", "GET /data_imports/{id}",
                "GET /data_imports/{id}/failed_records", "GET /data_exports/{id}", "GET /data_exports/{id}/download"));
        return templates.zip(ids, Pair::of);
    }

    /**
     * An id that names nothing: 404 with a JSON error (400 for one no URL may hold; 403 for an unsigned download),
     * nothing written.
     */
    @Test
    void wrongIdsAre404() {
        property(wrongIds(), this::wrongIdIs404);
    }

    private void wrongIdIs404(Pair<String, String> input) {
        ACCOUNT.baseline();
        String[] template = input._1.split(" ", 2);
        String path = ACCOUNT.base() + template[1].replace("{id}", input._2);
        Edge.Reply reply = ACCOUNT.edge.raw(template[0], path, Map.of("api_access_token", ACCOUNT.admin.token(),
                "Content-Type", "application/json"), template[0].equals("GET") ? null
                : ("{\"labels\":[\"" + HostileAccount.PROBE + "\"],\"inbox_id\":" + ACCOUNT.inboxId + "}")
                .getBytes(StandardCharsets.UTF_8));
        if (template[1].endsWith("/download")) {
            // the signed link is checked first: without a valid signature, whatever the id, 403
            Verdict.rejected(reply, input._1 + " with id " + input._2, 400, 403, 404);
        } else {
            Verdict.rejected(reply, input._1 + " with id " + input._2, 400, 404);
        }
        ACCOUNT.assertUnchanged(ACCOUNT.baseline(), input._1);
    }

    static Gen<String> avatarKeys() {
        List<Character> alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".chars()
                .mapToObj(c -> (char) c).toList();
        return oneOf(pick(List.of("..", "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%2e%2e",
                        "x".repeat(5000),
                        "%C0%AE", "%27%20OR%201%3D1%20--", "*", "%25", "a/b")),
                lists().of(pick(alphanumeric)).ofSizeBetween(1, 64).map(HostileReadsIT::join));
    }

    /** The public avatar path with keys that name nothing: a JSON 404 (or 400 for keys no URL may hold). */
    @Test
    void unknownAvatarKeysAre404() {
        property(avatarKeys(), key -> {
            ACCOUNT.baseline();
            Edge.Reply reply = ACCOUNT.edge.raw("GET", "/avatars/" + key, Map.of(), null);
            Verdict.rejected(reply, "avatar " + key, 400, 404);
        });
    }

    private static String join(List<Character> characters) {
        StringBuilder text = new StringBuilder();
        characters.forEach(text::append);
        return text.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
