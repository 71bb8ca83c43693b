package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV export as a job through the edge, with the export job's reference scenarios 109–115: 1 contact with phone and
 * email, 4 with "looped" in the email, 4 more "looped" ones in India, 1 more with phone and email, and unresolved
 * contacts (one in India, one labelled) that are never exported. The email arrives at the stack's mail part. A
 * retried export with its Idempotency-Key makes one job and one email (docs/idempotency.md).
 */
class ExportIT {

    private static final Edge EDGE = new Edge();
    private static final int RESOLVED = 10;
    private static Member admin;
    private static Member agent;
    private static Member otherAdmin;
    private static String tag;

    @BeforeAll
    static void fixtures() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
        otherAdmin = EDGE.newMember(EDGE.newAccount(), "administrator");
        tag = unique();
        long first = create(Map.of("name", "First", "email", "first" + tag + "@x.test",
                "phone_number", phone()));
        for (int i = 1; i <= 4; i++) {
            create(Map.of("name", "Looped " + i, "email", "looped" + i + tag + "@x.test"));
        }
        for (int i = 5; i <= 8; i++) {
            create(Map.of("name", "Looped " + i, "email", "looped" + i + tag + "@x.test",
                    "additional_attributes", Map.of("country_code", "India")));
        }
        create(Map.of("name", "Last", "email", "last" + tag + "@x.test", "phone_number", phone()));
        create(Map.of("name", "Unresolved India", "additional_attributes", Map.of("country_code", "India")));
        long unresolved = create(Map.of("name", "Unresolved billing"));
        label(first, "spec-billing");
        label(unresolved, "spec-billing");
    }

    private static String phone() {
        return "+4915" + (100_000_000 + (long) (Math.random() * 899_999_999));
    }

    private static long create(Map<String, Object> contact) {
        Reply reply = EDGE.post(contacts(admin), admin.token(), contact);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("id").asLong();
    }

    private static void label(long contact, String... labels) {
        Reply reply = EDGE.post(contacts(admin) + "/" + contact + "/labels", admin.token(),
                Map.of("labels", Arrays.asList(labels)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private static Reply export(Member member, Object body) {
        return EDGE.post(contacts(member) + "/export", member.token(), body);
    }

    private static String status(Member member, long id) {
        return "/api/v1/accounts/" + member.accountId() + "/data_exports/" + id;
    }

    private static JsonNode completed(Object body) {
        Reply started = export(admin, body);
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        long id = started.body().path("id").asLong();
        JsonNode job = await().atMost(Duration.ofSeconds(30))
                .until(() -> EDGE.get(status(admin, id), admin.token()).body(),
                        j -> j.path("status").asText().matches("completed|failed"));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
        return job;
    }

    /** The rows of the job's file, fetched by its signed link without a token; the header row first. */
    private static List<String> rows(JsonNode job) {
        HttpResponse<byte[]> file = EDGE.fetch(job.path("download_url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        String csv = new String(file.body(), StandardCharsets.UTF_8);
        return new ArrayList<>(Arrays.asList(csv.split("\r\n")));
    }

    private static Map<String, Object> condition(String key, String operator, String value, String joiner) {
        Map<String, Object> condition = new HashMap<>(Map.of("attribute_key", key,
                "filter_operator", operator, "values", List.of(value)));
        condition.put("query_operator", joiner);
        return condition;
    }

    @Test
    void theDefaultExportHasTheResolvedContactsAndIsMailedToTheRequester() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestInfrastructure.edgeUrl() + contacts(admin) + "/export"))
                .header("api_access_token", admin.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.headers().firstValue("Message"))
                .contains("We will notify you once contacts export file is ready to view.");
        JsonNode pending = Edge.JSON.readTree(started.body());
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        long id = pending.path("id").asLong();
        assertThat(pending.path("status_url").asText()).isEqualTo(TestInfrastructure.edgeUrl() + status(admin, id));

        JsonNode job = await().atMost(Duration.ofSeconds(30))
                .until(() -> EDGE.get(status(admin, id), admin.token()).body(),
                        j -> j.path("status").asText().equals("completed"));
        assertThat(job.path("total_records").asInt()).isEqualTo(RESOLVED);
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        String link = job.path("download_url").asText();
        assertThat(link).startsWith(TestInfrastructure.edgeUrl() + status(admin, id) + "/download?");

        HttpResponse<byte[]> file = EDGE.fetch(link);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains(admin.accountId() + "_contacts_" + id + ".csv");
        List<String> rows = rows(job);
        assertThat(rows.get(0)).isEqualTo("id,name,email,phone_number");
        assertThat(rows).hasSize(1 + RESOLVED).noneMatch(row -> row.contains("Unresolved"));

        String mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(admin.email(), link),
                Optional::isPresent).orElseThrow();
        assertThat(mail).startsWith("Your contact's export file is available to download.").contains(link);
    }

    @Test
    void unknownColumnsAreDroppedAndEmailsAndPhonesExported() {
        JsonNode job = completed(Map.of("column_names",
                List.of("id", "name", "email", "phone_number", "column_not_present")));
        assertThat(job.path("column_names").toString()).isEqualTo("[\"id\",\"name\",\"email\",\"phone_number\"]");
        List<String> rows = rows(job);
        assertThat(rows).hasSize(1 + RESOLVED);
        assertThat(rows).anyMatch(row -> row.contains("first" + tag + "@x.test") && row.contains(",+4915"));
    }

    @Test
    void otherColumnsRenderLabelsAttributesAndTimes() {
        JsonNode job = completed(Map.of("column_names", List.of("name", "labels",
                "additional_attributes.country_code", "created_at"), "label", "SPEC-billing"));
        assertThat(rows(job)).hasSize(2).element(1).asString().matches("First,spec-billing,,\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z");
    }

    @Test
    void aLabelExportsOnlyItsResolvedContacts() {
        assertThat(rows(completed(Map.of("label", "spec-billing")))).hasSize(1 + 1);
    }

    @Test
    void aFilterOnCountryExportsOnlyResolvedContacts() {
        assertThat(rows(completed(Map.of("payload",
                List.of(condition("country_code", "equal_to", "India", null)))))).hasSize(1 + 4);
        // a trailing query operator on the last condition is ignored
        assertThat(rows(completed(Map.of("payload",
                List.of(condition("country_code", "equal_to", "India", "and")))))).hasSize(1 + 4);
    }

    @Test
    void conditionsCombine() {
        assertThat(rows(completed(Map.of("payload", List.of(condition("country_code", "equal_to", "India", "and"),
                condition("email", "contains", "looped", null)))))).hasSize(1 + 4);
        assertThat(rows(completed(Map.of("payload", List.of(condition("email", "contains", "looped", null))))))
                .hasSize(1 + 8);
    }

    @Test
    void onlyAdministratorsExport() {
        Reply refused = export(agent, Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().path("error").asText()).isEqualTo("You are not authorized to do this action");
        long id = completed(Map.of()).path("id").asLong();
        assertThat(EDGE.get(status(agent, id), agent.token()).status()).isEqualTo(401);
    }

    @Test
    void anInvalidPayloadIsRefusedAtOnce() {
        Reply refused = export(admin, Map.of("payload", List.of(condition("name", "is_greater_than", "x", null))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("error").asText())
                .isEqualTo("Invalid operator. The allowed operators for name are "
                        + "[equal_to,not_equal_to,contains,does_not_contain].");
        Reply unknown = export(admin, Map.of("payload", List.of(condition("nope", "equal_to", "x", null))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("error").asText()).startsWith("Invalid attribute key - [nope].");
    }

    @Test
    void anotherAccountsJobIsNotFound() {
        long id = completed(Map.of()).path("id").asLong();
        Reply foreign = EDGE.get(status(otherAdmin, id), otherAdmin.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("error").asText()).isEqualTo("Resource could not be found");
    }

    @Test
    void onlyAnIntactSignedLinkDownloads() {
        JsonNode job = completed(Map.of());
        String link = job.path("download_url").asText();
        String signature = link.substring(link.indexOf("signature=") + "signature=".length());
        String tampered = link.replace("signature=" + signature,
                "signature=" + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));
        HttpResponse<byte[]> refused = EDGE.fetch(tampered);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"This download link is invalid or has expired\"}");
        // another job's path with this signature
        long other = completed(Map.of()).path("id").asLong();
        assertThat(EDGE.fetch(link.replace("/data_exports/" + job.path("id").asLong() + "/",
                "/data_exports/" + other + "/")).statusCode()).isEqualTo(403);
        // a token does not replace the signature
        assertThat(EDGE.get(status(admin, other) + "/download", admin.token()).status()).isEqualTo(403);
    }

    /** An export request with an Idempotency-Key, straight over HTTP (the answer's headers are asserted). */
    private static HttpResponse<String> keyed(Member member, String key, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestInfrastructure.edgeUrl() + contacts(member) + "/export"))
                    .timeout(Duration.ofSeconds(30)).header("api_access_token", member.token())
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The export jobs of an account, counted in Elasticsearch's exports index (refreshed first). */
    private static long jobs(long account) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = TestInfrastructure.elasticsearchUrl() + "/contacts-exports";
        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(index + "/_count"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"term\":{\"account_id\":" + account + "}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        return Edge.JSON.readTree(count.body()).path("count").asLong();
    }

    @Test
    void anExportRetriedWithItsKeyMakesOneJobAndOneEmail() throws Exception {
        Member owner = EDGE.newMember(EDGE.newAccount(), "administrator");
        String key = UUID.randomUUID().toString();
        String body = "{\"column_names\":[\"id\",\"name\"]}";
        HttpResponse<String> first = keyed(owner, key, body);
        HttpResponse<String> retry = keyed(owner, key, body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.headers().firstValue("Message"))
                .contains("We will notify you once contacts export file is ready to view.");
        assertThat(jobs(owner.accountId())).isEqualTo(1);

        long id = Edge.JSON.readTree(first.body()).path("id").asLong();
        String link = await().atMost(Duration.ofSeconds(30))
                .until(() -> EDGE.get(status(owner, id), owner.token()).body(),
                        job -> job.path("status").asText().equals("completed")).path("download_url").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(owner.email(), link), Optional::isPresent);
        assertThat(mails(owner.email())).hasSize(1);
        // once the job ran, a retry still answers the first answer and starts nothing
        assertThat(keyed(owner, key, body).body()).isEqualTo(first.body());
        assertThat(jobs(owner.accountId())).isEqualTo(1);
        // another key is another export
        HttpResponse<String> other = keyed(owner, UUID.randomUUID().toString(), body);
        assertThat(Edge.JSON.readTree(other.body()).path("id").asLong()).isNotEqualTo(id);
        assertThat(jobs(owner.accountId())).isEqualTo(2);
    }

    @Test
    void anotherRequestUnderTheKeyIsRefused() throws Exception {
        Member owner = EDGE.newMember(EDGE.newAccount(), "administrator");
        String key = UUID.randomUUID().toString();
        assertThat(keyed(owner, key, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> other = keyed(owner, key, "{\"label\":\"vip\"}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        JsonNode error = Edge.JSON.readTree(other.body());
        assertThat(error.path("error").asText()).isEqualTo("Idempotency-Key reused");
        assertThat(error.path("message").asText()).isEqualTo("This Idempotency-Key was sent with a different "
                + "request (method, path or body); a new request needs a new key");
        assertThat(jobs(owner.accountId())).isEqualTo(1);
    }

    @Test
    void concurrentExportsWithOneKeyMakeOneJob() throws Exception {
        Member owner = EDGE.newMember(EDGE.newAccount(), "administrator");
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> answers;
        try {
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> keyed(owner, key, "{}"), clients));
            }
            answers = replies.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        Set<String> bodies = answers.stream().map(HttpResponse::body).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        assertThat(jobs(owner.accountId())).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsABadRequestAndStartsNothing() throws Exception {
        Member owner = EDGE.newMember(EDGE.newAccount(), "administrator");
        for (String key : List.of("x".repeat(256), "with space")) {
            HttpResponse<String> refused = keyed(owner, key, "{}");
            assertThat(refused.statusCode()).as(key + ": " + refused.body()).isEqualTo(400);
            JsonNode error = Edge.JSON.readTree(refused.body());
            assertThat(error.path("error").asText()).isEqualTo("Invalid Idempotency-Key");
            assertThat(error.path("message").asText()).isEqualTo("An Idempotency-Key is 1 to 255 visible ASCII "
                    + "characters (letters, digits, punctuation; no spaces), e.g. a UUID");
        }
        assertThat(jobs(owner.accountId())).isZero();
    }

    /** The text of the first message to this address that contains the text, read over IMAP. */
    private static Optional<String> mailTo(String address, String containing) throws MessagingException,
            IOException {
        return mails(address).stream().filter(text -> text.contains(containing)).findFirst();
    }

    /** Every message to this address (subject and text), read over IMAP. */
    private static List<String> mails(String address) throws MessagingException, IOException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestInfrastructure.imapPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> texts = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    texts.add(message.getSubject() + "\n" + message.getContent());
                }
                return texts;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
