package io.contacts.query.exporting;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export jobs against the real Elasticsearch: more contacts than a page (point in time + search_after), the file's
 * exact content, the download by signed link, and a job abandoned mid-way run again from the start.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportJobIT {

    static final int PAGE_SIZE = 7;
    static final Duration RETENTION = Duration.ofHours(1);
    static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.890Z");
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
        assertThat(api.awaitContact(account, deleted.contactId(), 1).status()).isEqualTo(200);
        assertThat(api.awaitContact(account, resolved.get(0).contactId(), 1).status()).isEqualTo(200);
        assertThat(api.awaitContact(account, unresolved.contactId(), 1).status()).isEqualTo(200);
    }

    private ApiClient.Response export(String body) {
        return api.post("/api/v1/accounts/" + account + "/contacts/export", CommandServiceStandIn.TOKEN, body);
    }

    private JsonNode awaitFinished(long id) {
        String path = "/api/v1/accounts/" + account + "/data_exports/" + id;
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
}
