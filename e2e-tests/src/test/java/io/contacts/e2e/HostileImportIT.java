package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV imports of hostile files (quotes, unbalanced quotes, BOMs, CR/LF mixes, empty lines, huge fields, binary, NUL):
 * the upload answers a job, the job ends (completed or failed, never stuck or 5xx), its counts add up, a failed job
 * applied nothing, and its failed-records CSV can be fetched.
 */
class HostileImportIT {

    private static final Edge EDGE = new Edge();
    private static final List<String> COLUMNS = List.of("name", "email", "phone_number", "identifier", "company",
            "city", "labels", "plan");

    @Provide
    Arbitrary<byte[]> csvFiles() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of("plain", "", " ", "\"quoted\"", "\"with \"\"escaped\"\" quotes\"", "\"a,b\"",
                        "\"multi\nline\"", "\"unbalanced", "unbalanced\"", "a\"b", "\"\"\"", "=1+1", "@SUM(A1)",
                        "+15550001234", "x@y", "\ufeffbom", "\u0000", "a\u0000b", "\t", "é", "😀", "\u202e"),
                HostileInput.oddText(),
                Arbitraries.of(256, 70_000).map("h"::repeat));
        Arbitrary<String> row = field.list().ofMinSize(1).ofMaxSize(COLUMNS.size() + 2)
                .map(fields -> String.join(",", fields));
        Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\n\r\n");
        Arbitrary<String> header = Arbitraries.subsetOf(COLUMNS).ofMinSize(1)
                .map(columns -> String.join(",", columns));
        Arbitrary<String> text = Combinators.combine(header, row.list().ofMinSize(0).ofMaxSize(6), separator,
                        Arbitraries.of("", "\ufeff"))
                .as((head, rows, sep, bom) -> bom + head + sep + String.join(sep, rows));
        Arbitrary<byte[]> binary = Combinators.combine(header, Arbitraries.bytes().array(byte[].class)
                        .ofMinSize(1).ofMaxSize(300), Arbitraries.of(HostileInput.INVALID_UTF8))
                .as((head, noise, bad) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes((head + "\n").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes(noise);
                    return out.toByteArray();
                });
        return Arbitraries.oneOf(text.map(s -> s.getBytes(StandardCharsets.UTF_8)), binary);
    }

    /** Contacts listed in the account (those with an email, phone number or identifier). */
    private static long listed(Edge.Member admin) {
        return HostileAccount.ok(EDGE.get(Edge.contacts(admin) + "?per_page=1", admin.token()))
                .path("meta").path("count").asLong();
    }

    /**
     * Each file on an account of its own: a job's contacts become searchable about a second after it ends, so on a
     * shared account they would be counted for the next file.
     */
    @Property
    void everyFileEndsAsACompletedOrFailedJob(@ForAll("csvFiles") byte[] csv) {
        Edge.Member admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        Edge.Reply uploaded = EDGE.multipart("POST", Edge.contacts(admin) + "/import", admin.token(), Map.of(),
                "import_file", "hostile.csv", "text/csv", csv);
        String what = "import of " + HostileWritesIT.printable(csv);
        Verdict.acceptedOr(uploaded, what, 422);
        if (uploaded.status() != 200) {
            return;
        }
        long id = uploaded.body().path("id").asLong();
        String job = "/api/v1/accounts/" + admin.accountId() + "/data_imports/" + id;
        JsonNode done = await().atMost(Duration.ofSeconds(90)).until(
                () -> Verdict.safe(EDGE.get(job, admin.token()), what).body(),
                body -> Set.of("completed", "failed").contains(body.path("status").asText()));
        long listed = listed(admin);
        if (done.path("status").asText().equals("failed")) {
            assertThat(done.path("error").asText()).as(what + ": " + done).isNotBlank();
            assertThat(listed).as(what + ": a failed job applies nothing").isZero();
        } else {
            long total = done.path("total_records").asLong();
            assertThat(done.path("created_records").asLong() + done.path("updated_records").asLong()
                    + done.path("duplicate_records").asLong() + done.path("failed_records").asLong())
                    .as(what + ": " + done).isEqualTo(total);
            assertThat(listed).as(what + ": " + done).isBetween(0L, done.path("created_records").asLong());
        }
        HttpResponse<String> failed = EDGE.text(job + "/failed_records", admin.token());
        assertThat(failed.statusCode()).as(what + " failed records").isEqualTo(200);
    }
}
