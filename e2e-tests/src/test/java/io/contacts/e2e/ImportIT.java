package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CSV import as a job, through the edge (issue 4; chatwoot-reference.md section 8, scenarios 100–107). */
class ImportIT {

    private static final Edge EDGE = new Edge();
    private Member admin;
    private Member agent;
    private String tag;

    @BeforeEach
    void account() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
        tag = unique();
    }

    private String imports() {
        return "/api/v1/accounts/" + admin.accountId() + "/data_imports";
    }

    private Reply upload(byte[] csv) {
        return EDGE.multipart("POST", contacts(admin) + "/import", admin.token(), Map.of(), "import_file",
                "contacts.csv", "text/csv", csv);
    }

    private Reply upload(String csv) {
        return upload(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads the file and waits until its job is completed or failed; answers the job. */
    private JsonNode imported(byte[] csv) {
        Reply uploaded = upload(csv);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        assertThat(uploaded.body().path("status").asText()).isEqualTo("pending");
        long job = uploaded.body().path("id").asLong();
        return await().atMost(Duration.ofSeconds(60)).until(() -> EDGE.get(imports() + "/" + job, admin.token()).body(),
                body -> Set.of("completed", "failed").contains(body.path("status").asText()));
    }

    private JsonNode imported(String csv) {
        return imported(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The account's contacts once the query side shows {@code count} of them, by email. */
    private List<JsonNode> contactsOnceSearchable(int count) {
        JsonNode list = await().atMost(Duration.ofSeconds(30)).until(
                () -> EDGE.get(contacts(admin) + "?sort=email", admin.token()).body(),
                body -> body.path("meta").path("count").asInt() == count);
        List<JsonNode> contacts = new ArrayList<>();
        list.path("payload").forEach(contacts::add);
        return contacts;
    }

    private JsonNode byEmail(String email) {
        Reply found = EDGE.get(contacts(admin) + "/search?q=" + email, admin.token());
        assertThat(found.body().path("payload")).as(found.raw()).hasSize(1);
        return found.body().path("payload").get(0);
    }

    @Test
    void everyColumnLandsWhereItBelongsAndTheJobCountsIt() {
        JsonNode job = imported("name,email,phone_number,identifier,company,city,labels,plan,id\n"
                + "Jane Doe,Jane-" + tag + "@Example.com,4915112345678,ext-" + tag + ",Acme,Berlin,\"vip, beta\",gold,7\n"
                + "\"Doe, John\",john-" + tag + "@example.com,+4930123456,,,,,,\n"
                + "Only Name,,,,,,,,\n");

        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("total_records").asInt()).isEqualTo(3);
        assertThat(job.path("processed_records").asInt()).isEqualTo(3);
        assertThat(job.path("created_records").asInt()).isEqualTo(3);
        assertThat(job.path("failed_records").asInt()).isZero();
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("failed_records_url").isNull()).isTrue();

        // "Only Name" has no email, phone or identifier: created, but not listed (the index shows resolved contacts)
        contactsOnceSearchable(2);
        JsonNode jane = byEmail("jane-" + tag + "@example.com");
        assertThat(jane.path("name").asText()).isEqualTo("Jane Doe");
        assertThat(jane.path("phone_number").asText()).isEqualTo("+4915112345678");
        assertThat(jane.path("identifier").asText()).isEqualTo("ext-" + tag);
        assertThat(jane.path("additional_attributes")).isEqualTo(Edge.JSON.valueToTree(
                Map.of("company", "Acme", "city", "Berlin")));
        assertThat(jane.path("custom_attributes")).isEqualTo(Edge.JSON.valueToTree(Map.of("plan", "gold", "id", "7")));
        assertThat(EDGE.get(contacts(admin) + "/" + jane.path("id").asLong() + "/labels", admin.token()).body()
                .path("payload")).isEqualTo(Edge.JSON.valueToTree(List.of("vip", "beta")));
        assertThat(byEmail("john-" + tag + "@example.com").path("name").asText()).isEqualTo("Doe, John");
    }

    @Test
    void aByteOrderMarkAndInvalidUtf8DoNotLoseRows() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        csv.writeBytes(("email,name\nbom-" + tag + "@example.com,T \uD83C\uDFE0 Test\nbad-" + tag + "@example.com,B")
                .getBytes(StandardCharsets.UTF_8));
        csv.write(0xFF);
        csv.writeBytes("ad\n".getBytes(StandardCharsets.UTF_8));

        JsonNode job = imported(csv.toByteArray());

        assertThat(job.path("created_records").asInt()).as(job.toString()).isEqualTo(2);
        contactsOnceSearchable(2);
        assertThat(byEmail("bom-" + tag + "@example.com").path("name").asText()).isEqualTo("T \uD83C\uDFE0 Test");
        assertThat(byEmail("bad-" + tag + "@example.com").path("name").asText()).isEqualTo("B\uFFFDad");
    }

    @Test
    void aMalformedFileFailsWithItsLineAndAppliesNothing() {
        JsonNode job = imported("name,email\nok,ok-" + tag + "@example.com\n\"broken,x-" + tag + "@example.com\n");

        assertThat(job.path("status").asText()).isEqualTo("failed");
        assertThat(job.path("error").asText()).startsWith("Malformed CSV at line 3");
        assertThat(EDGE.get(contacts(admin) + "/search?q=" + tag, admin.token()).body().path("payload")).isEmpty();
    }

    @Test
    void duplicatesInTheFileAreOneContactTheLaterRowWinningAndCountedOnce() {
        JsonNode job = imported("name,email,city\n"
                + "First,dup-" + tag + "@example.com,Paris\n"
                + "Other,other-" + tag + "@example.com,\n"
                + "Second,DUP-" + tag + "@example.com,\n");

        assertThat(job.path("total_records").asInt()).isEqualTo(3);
        assertThat(job.path("created_records").asInt()).isEqualTo(2);
        assertThat(job.path("duplicate_records").asInt()).isEqualTo(1);
        assertThat(job.path("updated_records").asInt()).isZero();
        contactsOnceSearchable(2);
        JsonNode dup = byEmail("dup-" + tag + "@example.com");
        assertThat(dup.path("name").asText()).isEqualTo("Second");
        assertThat(dup.path("additional_attributes").path("city").asText()).isEqualTo("Paris");
    }

    @Test
    void anExistingContactIsUpdatedByEmailAndNotDuplicated() {
        long existing = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Before",
                "email", "known-" + tag + "@example.com", "custom_attributes", Map.of("keep", "me"))).body()
                .path("id").asLong();

        JsonNode job = imported("email,name,phone_number,company\nKNOWN-" + tag + "@example.com,After,918080808080,My Co\n");

        assertThat(job.path("updated_records").asInt()).isEqualTo(1);
        assertThat(job.path("created_records").asInt()).isZero();
        JsonNode contact = await().atMost(Duration.ofSeconds(30)).until(
                () -> EDGE.get(contacts(admin) + "/" + existing, admin.token()).body().path("payload"),
                body -> body.path("name").asText().equals("After"));
        assertThat(contact.path("phone_number").asText()).isEqualTo("+918080808080");
        assertThat(contact.path("additional_attributes").path("company").asText()).isEqualTo("My Co");
        assertThat(contact.path("custom_attributes").path("keep").asText()).isEqualTo("me");
        assertThat(contactsOnceSearchable(1)).hasSize(1);
    }

    @Test
    void aRowWhoseEmailAndPhoneBelongToTwoContactsIsRejectedAndBothStayAsTheyWere() {
        long x = EDGE.post(contacts(admin), admin.token(), Map.of("name", "X", "email", "x-" + tag + "@example.com"))
                .body().path("id").asLong();
        long y = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Y", "phone_number", "+4940111222"))
                .body().path("id").asLong();

        JsonNode job = imported("name,email,phone_number\n"
                + "New,new-" + tag + "@example.com,\n"
                + "Thief,x-" + tag + "@example.com,+4940111222\n"
                + "Bad,not-an-email,0123\n");

        assertThat(job.path("total_records").asInt()).isEqualTo(3);
        assertThat(job.path("processed_records").asInt()).isEqualTo(1);
        assertThat(job.path("failed_records").asInt()).isEqualTo(2);
        HttpResponse<String> failed = EDGE.text(job.path("failed_records_url").asText()
                .replaceFirst("^https?://[^/]+", ""), admin.token());
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(failed.body()).isEqualTo("name,email,phone_number,errors\r\n"
                + "Thief,x-" + tag + "@example.com,+4940111222,Phone number has already been taken\r\n"
                + "Bad,not-an-email,0123,\"Email is invalid, Phone number should be in e164 format\"\r\n");
        contactsOnceSearchable(3);
        assertThat(EDGE.get(contacts(admin) + "/" + x, admin.token()).body().path("payload").path("name").asText())
                .isEqualTo("X");
        JsonNode yNow = EDGE.get(contacts(admin) + "/" + y, admin.token()).body().path("payload");
        assertThat(yNow.path("name").asText()).isEqualTo("Y");
        assertThat(yNow.path("email").isNull()).isTrue();
    }

    @Test
    void onlyAdministratorsImportAndFollowJobsOfTheirOwnAccount() {
        Reply byAgent = EDGE.multipart("POST", contacts(agent) + "/import", agent.token(), Map.of(), "import_file",
                "c.csv", "text/csv", "name\nA\n".getBytes(StandardCharsets.UTF_8));
        assertThat(byAgent.status()).isEqualTo(401);
        assertThat(byAgent.body().path("error").asText()).isEqualTo("You are not authorized to do this action");

        Reply blank = EDGE.post(contacts(admin) + "/import", admin.token(), Map.of());
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).isEqualTo(Edge.JSON.valueToTree(Map.of("error", "File is blank")));
        assertThat(upload(new byte[0]).body().path("error").asText()).isEqualTo("File is blank");

        long job = upload("name\nMine " + tag + "\n").body().path("id").asLong();
        Member stranger = EDGE.newMember(EDGE.newAccount(), "administrator");
        Reply other = EDGE.get("/api/v1/accounts/" + stranger.accountId() + "/data_imports/" + job, stranger.token());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().path("error").asText()).isEqualTo("Data import not found");
        assertThat(EDGE.get(imports() + "/" + job, agent.token()).status()).isEqualTo(401);
        assertThat(EDGE.get(imports(), admin.token()).body().path("payload").get(0).path("id").asLong())
                .isEqualTo(job);
    }
}
