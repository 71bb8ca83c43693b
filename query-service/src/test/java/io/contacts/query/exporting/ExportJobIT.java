package io.contacts.query.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export jobs against the real Elasticsearch: more contacts than a page (point in time + search_after), the file's
 * exact content, the download by signed link, a job abandoned mid-way run again from the start, and one job per
 * Idempotency-Key however many requests carry it, at once or one after the other.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportJobIT {

    static final int PAGE_SIZE = 7;
    static final Duration RETENTION = Duration.ofHours(24);
    static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.890Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final QueryTestFixture fixture = new QueryTestFixture("exports");
    static Path dir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        fixture.register(registry);
        dir = Files.createTempDirectory("exports-it");
        registry.add("contacts.exports.dir", dir::toString);
        registry.add("contacts.exports.page-size", () -> PAGE_SIZE);
        registry.add("contacts.exports.lease", () -> "3s");
        registry.add("contacts.exports.sweep-interval", () -> "500ms");
        registry.add("contacts.exports.retention", () -> RETENTION.toString());
        registry.add("spring.mail.host", () -> "");
    }

    @TestConfiguration
    static class RemoveExports {
        @Bean
        DisposableBean removeExports() {
            return () -> FileSystemUtils.deleteRecursively(dir);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ExportJobs jobs;
    @Autowired
    ExportIndex index;
    @Autowired
    ElasticsearchClient client;
    ApiClient api;
    long account;
    final List<ContactCreated> resolved = new ArrayList<>();

    @BeforeAll
    void contacts() {
        api = new ApiClient(port);
        account = fixture.newId();
        List<ContactCreated> all = new ArrayList<>();
        for (int i = 1; i <= 3 * PAGE_SIZE + 2; i++) {
            ContactCreated contact = new ContactCreated(fixture.newId(), account, String.format("Contact %02d", i),
                    "contact" + i + "@example.com", i % 2 == 0 ? "+4470000000" + i : null, null, false,
                    Map.of("plan", i % 3 == 0 ? "gold" : "basic"), Map.of());
            all.add(contact);
            resolved.add(contact);
        }
        // not exported: unresolved, deleted, another account's
        ContactCreated unresolved = new ContactCreated(fixture.newId(), account, "Nobody", null, null, null, false,
                Map.of(), Map.of());
        ContactCreated deleted = new ContactCreated(fixture.newId(), account, "Gone", "gone@example.com", null, null,
                false, Map.of(), Map.of());
        ContactCreated foreign = new ContactCreated(fixture.newId(), fixture.newId(), "Foreign", "f@example.com",
                null, null, false, Map.of(), Map.of());
        all.addAll(List.of(unresolved, deleted, foreign));
        fixture.createAll(api, all, CREATED);
        fixture.send(new ContactDeleted(deleted.contactId(), account), 1);
        fixture.send(new ContactLabelsChanged(resolved.get(0).contactId(), account, List.of("VIP")), 1);
        fixture.send(new ContactLabelsChanged(unresolved.contactId(), account, List.of("vip")), 1);
        assertThat(fixture.awaitContact(api, account, deleted.contactId(), 1).status()).isEqualTo(404);
        assertThat(fixture.awaitContact(api, account, resolved.get(0).contactId(), 1).status()).isEqualTo(200);
        assertThat(fixture.awaitContact(api, account, unresolved.contactId(), 1).status()).isEqualTo(200);
    }

    private ApiClient.Response export(String body) {
        return api.post("/api/v1/accounts/" + account + "/contacts/export", CommandServiceStandIn.TOKEN, body);
    }

    private JsonNode awaitFinished(long id) {
        return awaitFinished(account, id);
    }

    private JsonNode awaitFinished(long accountId, long id) {
        String path = "/api/v1/accounts/" + accountId + "/data_exports/" + id;
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path).json(),
                job -> job.path("status").asText().matches("completed|failed"));
    }

    /** The file through the signed link, served by this instance. */
    private ApiClient.Response download(String url) {
        URI uri = URI.create(url);
        return api.get(uri.getRawPath() + "?" + uri.getRawQuery(), null);
    }

    @Test
    void allResolvedContactsInIdOrderOverSeveralPages() {
        ApiClient.Response started = export("{\"column_names\":[\"id\",\"name\",\"email\",\"phone_number\","
                + "\"column_not_present\",\"custom_attributes.plan\",\"labels\",\"created_at\"]}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("status").asText()).isEqualTo("pending");
        long id = started.json().path("id").asLong();
        assertThat(started.json().path("status_url").asText())
                .endsWith("/api/v1/accounts/" + account + "/data_exports/" + id);

        JsonNode job = awaitFinished(id);
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("total_records").asLong()).isEqualTo(resolved.size());
        assertThat(job.path("exported_records").asLong()).isEqualTo(resolved.size());
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("column_names").toString())
                .isEqualTo("[\"id\",\"name\",\"email\",\"phone_number\",\"custom_attributes.plan\",\"labels\","
                        + "\"created_at\"]");

        String expected = "id,name,email,phone_number,custom_attributes.plan,labels,created_at\r\n"
                + resolved.stream().map(c -> c.contactId() + "," + c.name() + "," + c.email() + ","
                        + (c.phoneNumber() == null ? "" : c.phoneNumber()) + "," + c.customAttributes().get("plan")
                        + "," + (c == resolved.get(0) ? "VIP" : "") + ",2025-03-04T05:06:07Z\r\n")
                .collect(Collectors.joining());
        ApiClient.Response file = download(job.path("download_url").asText());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(expected);
    }

    @Test
    void aLabelExportsItsResolvedContactsWhateverTheCase() throws Exception {
        JsonNode job = awaitFinished(export("{\"label\":\"vip\"}").json().path("id").asLong());
        assertThat(job.path("total_records").asLong()).isEqualTo(1);
        ContactCreated first = resolved.get(0);
        assertThat(Files.readString(dir.resolve(account + "_contacts_" + job.path("id").asLong() + ".csv"),
                StandardCharsets.UTF_8)).isEqualTo("id,name,email,phone_number\r\n" + first.contactId() + ","
                + first.name() + "," + first.email() + ",\r\n");
    }

    @Test
    void aFilterSelectsByTheDslAndAnInvalidOneIsRefusedAtOnce() {
        JsonNode job = awaitFinished(export("{\"payload\":[{\"attribute_key\":\"email\",\"filter_operator\":"
                + "\"contains\",\"values\":[\"contact1\"],\"query_operator\":null}]}").json().path("id").asLong());
        // contact1, contact10..contact19
        assertThat(job.path("exported_records").asLong()).isEqualTo(11);

        ApiClient.Response invalid = export("{\"payload\":[{\"attribute_key\":\"country_code\",\"filter_operator\":"
                + "\"contains\",\"values\":[\"x\"]}]}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("error").asText())
                .isEqualTo("Invalid operator. The allowed operators for country_code are [equal_to,not_equal_to].");
    }

    /** Found by the hostile-input suite: a label of another JSON type was read as text or as no label (export all). */
    @Test
    void aLabelOfAnotherTypeIsRefused() {
        for (String label : new String[]{"false", "[\"vip\"]", "{\"a\":1}"}) {
            ApiClient.Response refused = export("{\"label\":" + label + "}");
            assertThat(refused.status()).as(label).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).isEqualTo("label must be a string");
        }
    }

    @Test
    void aTamperedOrForeignLinkIsRefused() {
        JsonNode job = awaitFinished(export("{}").json().path("id").asLong());
        String url = job.path("download_url").asText();
        String signature = url.substring(url.indexOf("signature=") + "signature=".length());
        ApiClient.Response tampered = download(url.replace("signature=" + signature,
                "signature=" + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1)));
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.json().path("error").asText()).isEqualTo("This download link is invalid or has expired");
        assertThat(api.get("/api/v1/accounts/" + (account + 1) + "/data_exports/" + job.path("id").asLong())
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + account + "/data_exports/12345").json().path("error").asText())
                .isEqualTo("Resource could not be found");
    }

    @Test
    void aJobAbandonedWhileProcessingIsRunAgainFromTheStart() throws Exception {
        long now = System.currentTimeMillis();
        long id = 9_000_000_000L + fixture.newId();
        ExportJob abandoned = ExportJob.requested(id, account, 1, CommandServiceStandIn.EMAIL, List.of("id"), null,
                null, now - 60_000, now - 50_000).started(now - 55_000, now - 1).progressed(23, 7, now - 1);
        assertThat(jobs.create(abandoned)).isTrue();
        Files.writeString(dir.resolve(account + "_contacts_" + id + ".csv.part"), "id\r\nhalf a row");

        JsonNode job = awaitFinished(id);
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("started_at").asLong()).isGreaterThan((now - 55_000) / 1000);
        assertThat(Files.readString(dir.resolve(account + "_contacts_" + id + ".csv"))).isEqualTo("id\r\n"
                + resolved.stream().map(c -> c.contactId() + "\r\n").collect(Collectors.joining()));
        assertThat(dir.resolve(account + "_contacts_" + id + ".csv.part")).doesNotExist();
    }

    @Test
    void jobsAndFilesOlderThanTheRetentionAreRemoved() throws Exception {
        long now = System.currentTimeMillis();
        long old = now - RETENTION.toMillis() - 60_000;
        long id = 9_000_000_000L + fixture.newId();
        ExportJob expired = ExportJob.requested(id, account, 1, CommandServiceStandIn.EMAIL, List.of("id"), null,
                null, old, old).started(old, old).completed(old + 1000);
        assertThat(jobs.create(expired)).isTrue();
        Path file = Files.writeString(dir.resolve(account + "_contacts_" + id + ".csv"), "id\r\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).isEmpty());
        assertThat(file).doesNotExist();
        assertThat(api.get("/api/v1/accounts/" + account + "/data_exports/" + id).status()).isEqualTo(404);
    }
    private HttpResponse<String> keyed(long accountId, String key, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/accounts/" + accountId + "/contacts/export"))
                    .timeout(Duration.ofSeconds(30)).header("api_access_token", CommandServiceStandIn.TOKEN)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's jobs in the index (refreshed first: a count is not realtime). */
    private long jobsOf(long accountId) throws IOException {
        client.indices().refresh(r -> r.index(index.alias()));
        return client.count(c -> c.index(index.alias())
                .query(q -> q.term(t -> t.field("account_id").value(accountId)))).count();
    }

    @Test
    void aRetryWithTheKeyAnswersTheFirstJobAndStartsNothing() throws Exception {
        long accountId = fixture.newId();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = keyed(accountId, key, "{\"column_names\":[\"id\"]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        long id = JSON.readTree(first.body()).path("id").asLong();
        awaitFinished(accountId, id);

        HttpResponse<String> retry = keyed(accountId, key, "{\"column_names\":[\"id\"]}");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.headers().firstValue("Message")).contains(ExportController.MESSAGE);
        assertThat(jobsOf(accountId)).isEqualTo(1);
        ExportJob job = jobs.find(id).orElseThrow().job();
        assertThat(job.idempotencyKey()).isEqualTo(key);
        assertThat(job.status()).isEqualTo(ExportStatus.COMPLETED);

        HttpResponse<String> other = keyed(accountId, key, "{\"column_names\":[\"name\"]}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).isEqualTo("{\"error\":\"Idempotency-Key reused\",\"message\":\"This "
                + "Idempotency-Key was sent with a different request (method, path or body); a new request needs a "
                + "new key\"}");
        HttpResponse<String> bad = keyed(accountId, "with space", "{}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("Invalid Idempotency-Key");
        // the same key in another account is another key
        HttpResponse<String> elsewhere = keyed(fixture.newId(), key, "{\"column_names\":[\"id\"]}");
        assertThat(JSON.readTree(elsewhere.body()).path("id").asLong()).isNotEqualTo(id);
        assertThat(jobsOf(accountId)).isEqualTo(1);
    }

    /** Requests through HTTP and straight calls of the store, as instances that share nothing but the index would. */
    @Test
    void concurrentRequestsWithOneKeyMakeOneJob() throws Exception {
        long accountId = fixture.newId();
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> answers;
        List<ExportJobs.KeyedJob> stored;
        try {
            List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(CompletableFuture.supplyAsync(() -> keyed(accountId, key, "{}"), clients));
            }
            answers = requests.stream().map(CompletableFuture::join).toList();
            ExportKey other = ExportKey.of(accountId, 2, new IdempotencyKey(key), "POST", "/", null, new byte[0]);
            List<CompletableFuture<ExportJobs.KeyedJob>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(CompletableFuture.supplyAsync(() -> jobs.createKeyed(other, id -> ExportJob.requested(id,
                        accountId, 2, CommandServiceStandIn.EMAIL, List.of("id"), null, null, 0, 0)), clients));
            }
            stored = creates.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).collect(Collectors.toSet())).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        assertThat(stored.stream().filter(keyed -> !keyed.earlier())).hasSize(1);
        assertThat(stored.stream().map(keyed -> keyed.job().id()).collect(Collectors.toSet())).hasSize(1);
        // one job of the requests (the stand-in's user 1), one of the straight calls (user 2)
        assertThat(jobsOf(accountId)).isEqualTo(2);
    }
}
