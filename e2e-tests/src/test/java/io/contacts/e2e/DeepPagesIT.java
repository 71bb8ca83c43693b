package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every page that {@code meta.count} promises has its contacts (issue 15, part 1): with more contacts than the
 * stack's result window ({@code CONTACTS_RESULT_WINDOW}, small under {@code infra/stack.sh test}), walks of list,
 * search, filter and active over every sort key in both directions (and two sorts of several keys) answer pages that
 * are disjoint and together exactly the account, as SQL's OFFSET would.
 */
class DeepPagesIT {

    private static final Edge EDGE = new Edge();
    /** Elasticsearch's default, which the services use unless told otherwise. */
    private static final int DEFAULT_WINDOW = 10_000;
    private static final int PER_PAGE = 100;
    private static final List<String> SORTS = sorts();
    private static final String[] NAMES = {"Ada", "grace", "Alan", "ada", "Linus", "Émilie", "Barbara"};
    private static final String[] COMPANIES = {"Acme", "acme", "Initech", "Globex", "Umbrella", "Zeta"};
    private static final String[] CITIES = {"Berlin", "athens", "Zürich", "Oslo"};

    private static Member admin;
    private static String tag;
    /** What identifies each imported contact in the API's answers: its email, else its phone number. */
    private static Set<String> resolved;
    private static Set<String> unresolved;

    @BeforeAll
    static void aFewHundredContactsBeyondTheWindow() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        tag = unique();
        int window = window();
        int resolvedCount = window + 2 * PER_PAGE + 50;
        StringBuilder csv = new StringBuilder("name,email,phone_number,company,city\n");
        resolved = new HashSet<>();
        unresolved = new HashSet<>();
        for (int i = 1; i <= resolvedCount; i++) {
            boolean email = i % 5 != 0;
            boolean phone = !email || i % 3 == 0;
            // a contact without a name keeps the tag in its email, so the search finds every contact
            String name = i % 11 == 0 && email ? "" : NAMES[i % NAMES.length] + " " + tag;
            String address = email ? "deep" + i + "-" + tag + "@x.test" : "";
            String number = phone ? "+4915" + (10_000_000 + i) : "";
            csv.append(name).append(',').append(address).append(',').append(number).append(',')
                    .append(i % 4 == 0 ? "" : COMPANIES[i % COMPANIES.length]).append(',')
                    .append(i % 6 == 0 ? "" : CITIES[i % CITIES.length]).append('\n');
            resolved.add(email ? address : number);
        }
        for (int i = 1; i <= 60; i++) {
            String name = "Loose " + i + " " + tag;
            csv.append(name).append(",,,,\n");
            unresolved.add(name);
        }
        Reply uploaded = EDGE.multipart("POST", contacts(admin) + "/import", admin.token(), Map.of(), "import_file",
                "contacts.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        String job = "/api/v1/accounts/" + admin.accountId() + "/data_imports/" + uploaded.body().path("id").asLong();
        JsonNode done = await().atMost(Duration.ofMinutes(3)).until(() -> EDGE.get(job, admin.token()).body(),
                body -> Set.of("completed", "failed").contains(body.path("status").asText()));
        assertThat(done.path("created_records").asInt()).as(done.toString()).isEqualTo(resolvedCount + 60);
        await().atMost(Duration.ofMinutes(1)).until(() -> EDGE.get(contacts(admin), admin.token()).body()
                .path("meta").path("count").asInt() == resolvedCount);
    }

    /** The window the stack's query-service runs with, as {@code infra/stack.sh} wrote it into stack.env. */
    private static int window() {
        String window = System.getenv("CONTACTS_RESULT_WINDOW");
        return window == null || window.isBlank() ? DEFAULT_WINDOW : Integer.parseInt(window.strip());
    }

    private static List<String> sorts() {
        List<String> sorts = new ArrayList<>();
        for (String key : List.of("name", "email", "phone_number", "created_at", "last_activity_at", "company",
                "city", "country")) {
            sorts.add(key);
            sorts.add("-" + key);
        }
        sorts.add("city,-name");
        sorts.add("-company_name,email");
        return sorts;
    }

    @Test
    void theListAnswersEveryPageInEverySort() {
        for (String sort : SORTS) {
            List<JsonNode> walked = walk(sort, page -> EDGE.get(contacts(admin) + "?include_contact_inboxes=false"
                    + "&per_page=" + PER_PAGE + "&page=" + page + "&sort=" + sort, admin.token()), resolved.size());
            assertThat(keys(walked)).as("list sorted by %s", sort).isEqualTo(resolved);
        }
    }

    @Test
    void chatwootsDefaultPageSizeWalksTheWholeListToo() {
        List<JsonNode> walked = new ArrayList<>();
        for (int page = 1; ; page++) {
            Reply reply = EDGE.get(contacts(admin) + "?include_contact_inboxes=false&sort=-name&page=" + page,
                    admin.token());
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assertThat(reply.body().path("meta").path("count").asInt()).isEqualTo(resolved.size());
            if (reply.body().path("payload").isEmpty()) {
                assertThat(page).isEqualTo((resolved.size() + 14) / 15 + 1);
                break;
            }
            reply.body().path("payload").forEach(walked::add);
        }
        assertThat(walked).hasSize(resolved.size());
        assertThat(keys(walked)).isEqualTo(resolved);
    }

    @Test
    void theFilterAnswersEveryPageInEverySort() {
        Map<String, Object> condition = Map.of("attribute_key", "blocked", "filter_operator", "equal_to",
                "values", List.of(false), "query_operator", "AND");
        for (String sort : SORTS) {
            List<JsonNode> walked = walk(sort, page -> EDGE.post(contacts(admin) + "/filter", admin.token(),
                    Map.of("payload", List.of(condition), "page", page, "per_page", PER_PAGE, "sort", sort,
                            "include_contact_inboxes", false)), resolved.size());
            assertThat(keys(walked)).as("filter sorted by %s", sort).isEqualTo(resolved);
        }
    }

    @Test
    void theSearchAnswersEveryPageInEverySort() {
        Set<String> everyone = new HashSet<>(resolved);
        everyone.addAll(unresolved);
        for (String sort : SORTS) {
            List<JsonNode> walked = new ArrayList<>();
            for (int page = 1; ; page++) {
                Reply reply = EDGE.get(contacts(admin) + "/search?include_contact_inboxes=false&q=" + tag
                        + "&per_page=" + PER_PAGE + "&page=" + page + "&sort=" + sort, admin.token());
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                JsonNode payload = reply.body().path("payload");
                boolean last = page == (everyone.size() + PER_PAGE - 1) / PER_PAGE;
                assertThat(payload.size()).as("search sorted by %s, page %d", sort, page)
                        .isEqualTo(last ? everyone.size() - (page - 1) * PER_PAGE : PER_PAGE);
                assertThat(reply.body().path("meta").path("count").asInt()).isEqualTo(payload.size());
                assertThat(reply.body().path("meta").path("has_more").asBoolean()).isEqualTo(!last);
                payload.forEach(walked::add);
                if (last) {
                    break;
                }
            }
            assertThat(walked).hasSize(everyone.size());
            assertThat(keys(walked)).as("search sorted by %s", sort).isEqualTo(everyone);
        }
    }

    @Test
    void activeAnswersEveryPageInEverySort() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ids.size() < window() + PER_PAGE + 50; page++) {
            JsonNode payload = EDGE.get(contacts(admin) + "/search?include_contact_inboxes=false&q=" + tag
                    + "&per_page=" + PER_PAGE + "&page=" + page + "&sort=-email", admin.token()).body().path("payload");
            assertThat(payload).isNotEmpty();
            payload.forEach(contact -> ids.add(contact.path("id").asLong()));
        }
        ExecutorService beats = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (long id : ids) {
                statuses.add(beats.submit(() -> EDGE.post(contacts(admin) + "/" + id + "/presence", admin.token(),
                        null).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            beats.shutdownNow();
        }
        Set<String> online = new HashSet<>();
        for (long id : ids) {
            online.add(String.valueOf(id));
        }
        for (String sort : SORTS) {
            List<JsonNode> walked = walk(sort, page -> EDGE.get(contacts(admin) + "/active?include_contact_inboxes="
                    + "false&per_page=" + PER_PAGE + "&page=" + page + "&sort=" + sort, admin.token()), ids.size());
            Set<String> listed = new HashSet<>();
            walked.forEach(contact -> listed.add(contact.path("id").asText()));
            assertThat(listed).as("active sorted by %s (every contact stays online for the stack's presence window, "
                    + "CONTACTS_PRESENCE_WINDOW)", sort).isEqualTo(online);
        }
    }

    /**
     * Every page until the first empty one, which must be the one after ceil(count / per_page); each page's
     * {@code meta.count} is the total and the pages hold {@code count} contacts, none twice.
     */
    private static List<JsonNode> walk(String sort, IntFunction<Reply> page, int count) {
        List<JsonNode> walked = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        int pages = (count + PER_PAGE - 1) / PER_PAGE;
        for (int number = 1; number <= pages + 1; number++) {
            Reply reply = page.apply(number);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assertThat(reply.body().path("meta").path("count").asInt()).as("sorted by %s, page %d", sort, number)
                    .isEqualTo(count);
            JsonNode payload = reply.body().path("payload");
            assertThat(payload.size()).as("sorted by %s, page %d of %d", sort, number, pages)
                    .isEqualTo(number <= pages ? Math.min(PER_PAGE, count - (number - 1) * PER_PAGE) : 0);
            for (JsonNode contact : payload) {
                assertThat(ids.add(contact.path("id").asLong()))
                        .as("sorted by %s, contact %s again on page %d", sort, contact.path("id"), number).isTrue();
                walked.add(contact);
            }
        }
        return walked;
    }

    private static Set<String> keys(List<JsonNode> contacts) {
        Set<String> keys = new HashSet<>();
        for (JsonNode contact : contacts) {
            String email = contact.path("email").asText("");
            keys.add(!email.isEmpty() ? email : contact.path("phone_number").isTextual()
                    ? contact.path("phone_number").asText() : contact.path("name").asText());
        }
        return keys;
    }
}
