package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenant isolation through the edge: every endpoint × every way in without the right (no token, a bad token, a
 * valid token of another account, the right caller with another account's ids, an agent where an administrator is
 * required) gets the documented status and body, never shows either account's data, and writes nothing. One row of
 * {@link #ENDPOINTS} per endpoint; {@link #theReadmeListsNoEndpointTheMatrixMisses()} keeps it complete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {

    private static final Edge EDGE = new Edge();
    private static final String ACCOUNT = "/api/v1/accounts/{account}";
    private static final String SIGN_IN = "You need to sign in or sign up before continuing.";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    /** Who may call an endpoint. */
    enum Who { MEMBER, ADMINISTRATOR, PLATFORM, SIGNED_LINK, ANYONE }

    /**
     * An endpoint: path and JSON body are templates over the ids of one account ({account}, {contact}, {inbox},
     * {definition}, {import}, {export}, {agent} the agent's user id, {avatar} the contact's avatar key); an
     * {@code upload} sends a CSV file as {@code import_file}.
     */
    record Endpoint(Who who, String method, String path, String json, boolean upload) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Endpoint row(Who who, String method, String path) {
        return new Endpoint(who, method, path, null, false);
    }

    private static Endpoint row(Who who, String method, String path, String json) {
        return new Endpoint(who, method, path, json, false);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts", "{\"name\":\"Intruder\",\"email\":\"intruder@x.test\"}"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/batch_upsert", "{\"match_by\":\"email\",\"contacts\":"
                    + "[{\"name\":\"Intruder\",\"email\":\"intruder@x.test\"}]}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts/{contact}"),
            row(Who.MEMBER, "PUT", ACCOUNT + "/contacts/{contact}", "{\"name\":\"Intruder\"}"),
            row(Who.MEMBER, "PATCH", ACCOUNT + "/contacts/{contact}", "{\"name\":\"Intruder\",\"blocked\":true}"),
            row(Who.ADMINISTRATOR, "DELETE", ACCOUNT + "/contacts/{contact}"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/{contact}/destroy_custom_attributes",
                    "{\"custom_attributes\":[\"marker\"]}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts/search?q=Marker"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/filter", "{\"payload\":[{\"attribute_key\":\"name\","
                    + "\"filter_operator\":\"contains\",\"values\":[\"Marker\"],\"query_operator\":null}]}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts/{contact}/labels"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/{contact}/labels", "{\"labels\":[\"intruder\"]}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/custom_attribute_definitions"),
            row(Who.MEMBER, "GET", ACCOUNT + "/custom_attribute_definitions/{definition}"),
            row(Who.ADMINISTRATOR, "POST", ACCOUNT + "/custom_attribute_definitions", "{\"attribute_key\":"
                    + "\"intruder\",\"attribute_display_name\":\"Intruder\",\"attribute_display_type\":\"text\","
                    + "\"attribute_model\":\"contact_attribute\"}"),
            row(Who.ADMINISTRATOR, "PATCH", ACCOUNT + "/custom_attribute_definitions/{definition}",
                    "{\"attribute_display_name\":\"Intruder\",\"attribute_display_type\":1}"),
            row(Who.ADMINISTRATOR, "PUT", ACCOUNT + "/custom_attribute_definitions/{definition}",
                    "{\"attribute_display_name\":\"Intruder\"}"),
            row(Who.ADMINISTRATOR, "DELETE", ACCOUNT + "/custom_attribute_definitions/{definition}"),
            row(Who.MEMBER, "DELETE", ACCOUNT + "/contacts/{contact}/avatar"),
            row(Who.ANYONE, "GET", "/avatars/{avatar}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts/active"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/{contact}/presence"),
            row(Who.MEMBER, "POST", ACCOUNT + "/contacts/{contact}/contact_inboxes", "{\"inbox_id\":{inbox}}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/contacts/{contact}/contactable_inboxes"),
            row(Who.ADMINISTRATOR, "POST", ACCOUNT + "/inboxes", "{\"name\":\"Intruder\",\"channel\":{\"type\":\"api\"}}"),
            row(Who.MEMBER, "GET", ACCOUNT + "/inboxes"),
            row(Who.ADMINISTRATOR, "POST", ACCOUNT + "/inbox_members", "{\"inbox_id\":{inbox},\"user_ids\":[{agent}]}"),
            row(Who.ADMINISTRATOR, "DELETE", ACCOUNT + "/inbox_members",
                    "{\"inbox_id\":{inbox},\"user_ids\":[{agent}]}"),
            new Endpoint(Who.ADMINISTRATOR, "POST", ACCOUNT + "/contacts/import", null, true),
            row(Who.ADMINISTRATOR, "GET", ACCOUNT + "/data_imports"),
            row(Who.ADMINISTRATOR, "GET", ACCOUNT + "/data_imports/{import}"),
            row(Who.ADMINISTRATOR, "GET", ACCOUNT + "/data_imports/{import}/failed_records"),
            row(Who.ADMINISTRATOR, "POST", ACCOUNT + "/contacts/export", "{}"),
            row(Who.ADMINISTRATOR, "GET", ACCOUNT + "/data_exports/{export}"),
            row(Who.SIGNED_LINK, "GET", ACCOUNT + "/data_exports/{export}/download"),
            row(Who.PLATFORM, "POST", "/platform/api/v1/accounts", "{\"name\":\"Intruder\"}"),
            row(Who.PLATFORM, "POST", "/platform/api/v1/users",
                    "{\"name\":\"Intruder\",\"email\":\"intruder@x.test\",\"password\":\"Intruder-1234\"}"),
            row(Who.PLATFORM, "POST", "/platform/api/v1/accounts/{account}/account_users",
                    "{\"user_id\":{agent},\"role\":\"administrator\"}"),
            row(Who.PLATFORM, "DELETE", "/platform/api/v1/accounts/{account}/account_users",
                    "{\"user_id\":{agent}}"),
            row(Who.PLATFORM, "GET", "/platform/api/v1/projection/dead_letters"),
            row(Who.PLATFORM, "POST", "/platform/api/v1/projection/dead_letters/replay", "{}"),
            row(Who.PLATFORM, "POST", "/platform/api/v1/projection/rebuilds", "{}"),
            row(Who.PLATFORM, "GET", "/platform/api/v1/projection/rebuilds/1"));

    /** The ids one account's rows are filled with, and the values that must never show elsewhere. */
    record Tenant(Member admin, Member agent, Map<String, String> ids, List<String> markers) {
        String fill(String template) {
            String filled = template;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                filled = filled.replace("{" + id.getKey() + "}", id.getValue());
            }
            return filled;
        }
    }

    private static Tenant home;
    private static Tenant other;
    private static Map<String, JsonNode> homeBefore;
    private static Map<String, JsonNode> otherBefore;

    @BeforeAll
    static void twoAccounts() {
        home = tenant();
        other = tenant();
        homeBefore = snapshot(home);
        otherBefore = snapshot(other);
    }

    private static Tenant tenant() {
        long account = EDGE.newAccount();
        Member admin = EDGE.newMember(account, "administrator");
        Member agent = EDGE.newMember(account, "agent");
        String tag = unique();
        String marker = "Marker" + tag;
        String email = "marker-" + tag + "@isolation.test";
        String definitionKey = "marker_" + tag;
        String base = "/api/v1/accounts/" + account;

        JsonNode definition = ok(EDGE.post(base + "/custom_attribute_definitions", admin.token(), Map.of(
                "attribute_key", definitionKey, "attribute_display_name", marker, "attribute_display_type", "text",
                "attribute_model", "contact_attribute")));
        JsonNode inbox = ok(EDGE.post(base + "/inboxes", admin.token(),
                Map.of("name", "Inbox " + marker, "channel", Map.of("type", "api"))));
        JsonNode contact = ok(EDGE.multipart("POST", contacts(admin), admin.token(), Map.of("name", marker,
                "email", email, "custom_attributes[marker]", marker), "avatar", "m.png", "image/png", PNG));
        long contactId = contact.path("id").asLong();
        ok(EDGE.post(contacts(admin) + "/" + contactId + "/labels", admin.token(), Map.of("labels", List.of(marker))));
        ok(EDGE.post(contacts(admin) + "/" + contactId + "/contact_inboxes", admin.token(),
                Map.of("inbox_id", inbox.path("id").asLong())));
        String thumbnail = contact.path("thumbnail").asText();

        long importId = ok(EDGE.multipart("POST", contacts(admin) + "/import", admin.token(), Map.of(),
                "import_file", "c.csv", "text/csv", ("name,email\n" + marker + " Imported,imported-" + tag
                        + "@isolation.test\n" + marker + " Failed,not-an-email\n").getBytes(StandardCharsets.UTF_8)))
                .path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> EDGE.get(base + "/data_imports/" + importId,
                admin.token()).body().path("status").asText(), "completed"::equals);
        long exportId = ok(EDGE.post(contacts(admin) + "/export", admin.token(), Map.of())).path("id").asLong();
        String download = await().atMost(Duration.ofSeconds(60)).until(() -> EDGE.get(base + "/data_exports/"
                + exportId, admin.token()).body().path("download_url").asText(""), link -> !link.isEmpty());

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("account", String.valueOf(account));
        ids.put("contact", String.valueOf(contactId));
        ids.put("inbox", inbox.path("id").asText());
        ids.put("definition", definition.path("id").asText());
        ids.put("import", String.valueOf(importId));
        ids.put("export", String.valueOf(exportId));
        ids.put("agent", String.valueOf(agent.userId()));
        ids.put("avatar", thumbnail.substring(thumbnail.lastIndexOf('/') + 1));
        ids.put("download", download);
        return new Tenant(admin, agent, ids, List.of(marker, email, definitionKey));
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    /** What a refused request must not have changed, read by the account's own administrator and agent. */
    private static Map<String, JsonNode> snapshot(Tenant tenant) {
        String base = tenant.fill(ACCOUNT);
        String contact = base + "/contacts/" + tenant.ids().get("contact");
        String admin = tenant.admin().token();
        Map<String, JsonNode> state = new LinkedHashMap<>();
        state.put("contact", EDGE.get(contact, admin).body());
        state.put("labels", EDGE.get(contact + "/labels", admin).body());
        state.put("contacts", EDGE.get(base + "/contacts", admin).body().path("meta"));
        state.put("active", EDGE.get(base + "/contacts/active", admin).body().path("meta"));
        state.put("definitions", EDGE.get(base + "/custom_attribute_definitions", admin).body());
        state.put("inboxes", EDGE.get(base + "/inboxes", admin).body());
        state.put("agent's inboxes", EDGE.get(base + "/inboxes", tenant.agent().token()).body());
        state.put("imports", EDGE.get(base + "/data_imports", admin).body());
        state.put("agent is no administrator", Edge.JSON.valueToTree(
                EDGE.get(base + "/data_imports", tenant.agent().token()).status()));
        state.put("avatar", Edge.JSON.valueToTree(EDGE.fetch(state.get("contact").path("payload").path("thumbnail")
                .asText()).statusCode()));
        return state;
    }

    /** One way in without the right: who calls, and with which account's ids. */
    private record Attempt(String name, String token, String path, String json, int status, String error) {
    }

    private static List<Attempt> attempts(Endpoint endpoint) {
        String path = home.fill(endpoint.path());
        String json = endpoint.json() == null ? null : home.fill(endpoint.json());
        String bad = "not-a-token-" + unique();
        List<Attempt> attempts = new ArrayList<>();
        switch (endpoint.who()) {
            case MEMBER, ADMINISTRATOR -> {
                attempts.add(new Attempt("no token", null, path, json, 401, null));
                attempts.add(new Attempt("a bad token", bad, path, json, 401, "Invalid Access Token"));
                attempts.add(new Attempt("another account's token", other.admin().token(), path, json, 401,
                        "You are not authorized to access this account"));
                for (String kind : home.ids().keySet()) {
                    if (kind.equals("account") || !(endpoint.path() + endpoint.json()).contains("{" + kind + "}")) {
                        continue;
                    }
                    String foreignPath = endpoint.path().replace("{" + kind + "}", other.ids().get(kind));
                    String foreignJson = endpoint.json() == null ? null
                            : endpoint.json().replace("{" + kind + "}", other.ids().get(kind));
                    // a user of another account is not a missing record but an invalid member list (422)
                    attempts.add(new Attempt("another account's " + kind, home.admin().token(), home.fill(foreignPath),
                            foreignJson == null ? null : home.fill(foreignJson), kind.equals("agent") ? 422 : 404,
                            null));
                }
                if (endpoint.who() == Who.ADMINISTRATOR) {
                    attempts.add(new Attempt("an agent", home.agent().token(), path, json, 401,
                            "You are not authorized to do this action"));
                }
            }
            case PLATFORM -> {
                attempts.add(new Attempt("no token", null, path, json, 401, "Invalid Access Token"));
                attempts.add(new Attempt("a bad token", bad, path, json, 401, "Invalid Access Token"));
                attempts.add(new Attempt("an administrator's token", home.admin().token(), path, json, 401,
                        "Invalid Access Token"));
            }
            case SIGNED_LINK -> {
                String invalid = "This download link is invalid or has expired";
                attempts.add(new Attempt("no signature", null, path, json, 403, invalid));
                attempts.add(new Attempt("the administrator's token, no signature", home.admin().token(), path,
                        json, 403, invalid));
                String foreignLink = other.ids().get("download").replaceFirst("^https?://[^/]+", "")
                        .replace("/accounts/" + other.ids().get("account") + "/",
                                "/accounts/" + home.ids().get("account") + "/");
                attempts.add(new Attempt("another account's signed link", null, foreignLink, json, 403, invalid));
            }
            case ANYONE -> {
                // the unguessable key is the capability (as Chatwoot's storage URLs): tokens change nothing
                attempts.add(new Attempt("no token", null, path, json, 200, null));
                attempts.add(new Attempt("another account's token", other.admin().token(), path, json, 200, null));
            }
            default -> throw new IllegalStateException(endpoint.who().name());
        }
        return attempts;
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyEndpointRefusesEveryWayInWithoutTheRight() {
        return ENDPOINTS.stream().flatMap(endpoint -> attempts(endpoint).stream().map(attempt ->
                DynamicTest.dynamicTest(endpoint + " with " + attempt.name(), () -> check(endpoint, attempt))));
    }

    private static void check(Endpoint endpoint, Attempt attempt) throws IOException {
        Answer answer = send(endpoint, attempt);
        String raw = endpoint + " with " + attempt.name() + ": " + answer.body();
        assertThat(answer.status()).as(raw).isEqualTo(attempt.status());
        if (endpoint.who() == Who.ANYONE) {
            return;
        }
        JsonNode body = Edge.JSON.readTree(answer.body());
        if (attempt.error() != null) {
            assertThat(body).as(raw).isEqualTo(Edge.JSON.valueToTree(Map.of("error", attempt.error())));
        } else if (attempt.status() == 401) {
            assertThat(body.path("errors")).as(raw).isEqualTo(Edge.JSON.valueToTree(List.of(SIGN_IN)));
        } else if (attempt.status() == 404) {
            // the record's own 404 ("Contact not found", "Resource could not be found"...), not a routing miss
            assertThat(body.path("error").asText()).as(raw).matches("[A-Z][a-z]+( [a-z]+)* (not|could not be) found")
                    .isNotEqualTo("Not found");
        } else {
            assertThat(body.path("error").asText()).as(raw).isNotEmpty();
        }
        for (String marker : Stream.concat(home.markers().stream(), other.markers().stream()).toList()) {
            assertThat(answer.body()).as(raw).doesNotContainIgnoringCase(marker);
        }
    }

    private static Answer send(Endpoint endpoint, Attempt attempt) {
        if (endpoint.upload()) {
            Reply reply = EDGE.multipart(endpoint.method(), attempt.path(), attempt.token(), Map.of(), "import_file",
                    "c.csv", "text/csv", "name,email\nIntruder,intruder@x.test\n".getBytes(StandardCharsets.UTF_8));
            return new Answer(reply.status(), reply.raw());
        }
        Map<String, String> headers = new HashMap<>();
        if (attempt.token() != null) {
            headers.put("api_access_token", attempt.token());
        }
        if (attempt.json() != null) {
            headers.put("Content-Type", "application/json");
        }
        Reply reply = EDGE.raw(endpoint.method(), attempt.path(), headers,
                attempt.json() == null ? null : attempt.json().getBytes(StandardCharsets.UTF_8));
        return new Answer(reply.status(), reply.raw());
    }

    @Test
    @Order(2)
    void refusedWritesWroteNothing() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(snapshot(home)).isEqualTo(homeBefore);
            assertThat(snapshot(other)).isEqualTo(otherBefore);
        });
    }

    /** The rows are the right paths: each read answers its rightful caller. */
    @Test
    @Order(3)
    void theRightfulCallerIsAnswered() {
        for (Endpoint endpoint : ENDPOINTS) {
            if (!endpoint.method().equals("GET") || endpoint.who() == Who.PLATFORM
                    || endpoint.who() == Who.SIGNED_LINK) {
                continue;
            }
            String token = endpoint.who() == Who.ANYONE ? null : home.admin().token();
            Reply reply = EDGE.raw("GET", home.fill(endpoint.path()),
                    token == null ? Map.of() : Map.of("api_access_token", token), null);
            assertThat(reply.status()).as(endpoint + ": " + reply.raw()).isEqualTo(200);
        }
        assertThat(EDGE.fetch(home.ids().get("download")).statusCode()).isEqualTo(200);
    }

    @Test
    void searchAndFilterNeverReachAnotherAccount() {
        String base = home.fill(ACCOUNT);
        String marker = other.markers().get(0);
        Reply searched = EDGE.get(base + "/contacts/search?q=" + marker, home.admin().token());
        assertThat(searched.status()).isEqualTo(200);
        assertThat(searched.body().path("payload")).isEmpty();
        Reply filtered = EDGE.post(base + "/contacts/filter", home.admin().token(), Map.of("payload", List.of(
                Map.of("attribute_key", "email", "filter_operator", "equal_to", "values",
                        List.of(other.markers().get(1))))));
        assertThat(filtered.status()).as(filtered.raw()).isEqualTo(200);
        assertThat(filtered.body().path("payload")).isEmpty();
        Reply labelled = EDGE.get(base + "/contacts?labels[]=" + marker, home.admin().token());
        assertThat(labelled.status()).isEqualTo(200);
        assertThat(labelled.raw()).doesNotContainIgnoringCase(marker);
    }

    /** A new row in the README's API table without a row here fails. */
    @Test
    void theReadmeListsNoEndpointTheMatrixMisses() throws IOException {
        Set<String> covered = ENDPOINTS.stream().map(endpoint -> endpoint.method() + " " + normalise(endpoint.path()))
                .collect(Collectors.toSet());
        Set<String> documented = readmeEndpoints();
        assertThat(documented).as("endpoints in the README's API table").hasSizeGreaterThan(20);
        assertThat(covered).containsAll(documented);
    }

    private static String normalise(String path) {
        return path.replace(ACCOUNT, "").replaceAll("\\?.*$", "").replaceAll("\\{[a-z]+}", "{id}")
                .replace("/projection/rebuilds/1", "/projection/rebuilds/{id}");
    }

    /** "METHOD /path" for every method and path in the first column of the README's API table. */
    private static Set<String> readmeEndpoints() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("e2e-tests"))) {
            dir = dir.getParent();
        }
        List<String> lines = Files.readAllLines(dir.resolve("README.md"));
        int start = lines.indexOf("## The API");
        Set<String> endpoints = new LinkedHashSet<>();
        Pattern method = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE)\\b");
        Pattern path = Pattern.compile("(/[a-z_{}/]+)(\\[(/[a-z_{}]+)])?");
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !line.equals("## The API")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = line.split("\\|")[1];
            if (first.contains("download_url")) {
                // "its signed download_url": the link's path
                endpoints.add("GET /data_exports/{id}/download");
            }
            // each "METHODS /path[/{id}]" group of the cell applies its methods to its path
            for (String group : first.split("(?<=`), (?=`GET /|`POST /)|, its")) {
                List<String> methods = new ArrayList<>();
                Matcher m = method.matcher(group);
                while (m.find()) {
                    methods.add(m.group(1));
                }
                Matcher p = path.matcher(group);
                if (!p.find() || methods.isEmpty()) {
                    continue;
                }
                List<String> paths = p.group(3) == null ? List.of(p.group(1))
                        : List.of(p.group(1), p.group(1) + p.group(3));
                for (String candidate : paths) {
                    for (String verb : methods) {
                        String normalised = candidate.replaceAll("\\{[a-z]+}", "{id}");
                        // "GET, POST, DELETE /defs[/{id}]": each method on the path it has
                        if (!endpointExists(verb, normalised)) {
                            continue;
                        }
                        endpoints.add(verb + " " + normalised);
                    }
                }
            }
        }
        return endpoints;
    }

    /** Methods a combined README cell names for a path they do not apply to (a POST or DELETE of a collection item). */
    private static boolean endpointExists(String method, String path) {
        boolean item = path.endsWith("{id}");
        if (path.startsWith("/custom_attribute_definitions")) {
            return item ? !method.equals("POST") : !method.equals("DELETE");
        }
        return true;
    }

    private record Answer(int status, String body) {
    }
}
