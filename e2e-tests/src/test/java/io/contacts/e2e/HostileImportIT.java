package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quicktheories.generators.Generate.byteArrays;
import static org.quicktheories.generators.Generate.bytes;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * CSV imports of hostile files (quotes, unbalanced quotes, BOMs, CR/LF mixes, empty lines, huge fields, binary, NUL):
 * the upload answers a job, the job ends (completed or failed, never stuck or 5xx), its counts add up, a failed job
 * applied nothing, and its failed-records CSV can be fetched.
 */
class HostileImportIT {

    private static final Edge EDGE = new Edge();
    private static final List<String> COLUMNS = List.of("name", "email", "phone_number", "identifier", "company",
            "city", "labels", "plan");

    static Gen<byte[]> csvFiles() {
        Gen<String> field = oneOf(
                pick(List.of("plain", "", " ", "\"quoted\"", "\"with \"\"escaped\"\" quotes\"", "\"a,b\"",
                        "\"multi\nline\"", "\"unbalanced", "unbalanced\"", "a\"b", "\"\"\"", "=1+1", "@SUM(A1)",
                        "+15550001234", "x@y", "\ufeffbom", "\u0000", "a\u0000b", "\t", "é", "😀", "\u202e")),
                HostileInput.oddText(),
                pick(List.of(256, 70_000)).map("h"::repeat));
        Gen<String> row = lists().of(field).ofSizeBetween(1, COLUMNS.size() + 2)
                .map(fields -> String.join(",", fields));
        Gen<String> separator = pick(List.of("\n", "\r\n", "\r", "\n\n", "\r\n\r\n"));
        // a non-empty subset of the columns, as a bit mask
        Gen<String> header = range(1, (1 << COLUMNS.size()) - 1).map(mask -> String.join(",", IntStream
                .range(0, COLUMNS.size()).filter(i -> (mask & 1 << i) != 0).mapToObj(COLUMNS::get).toList()));
        Gen<String> text = header.zip(lists().of(row).ofSizeBetween(0, 6), separator, pick(List.of("", "\ufeff")),
                (head, rows, sep, bom) -> bom + head + sep + String.join(sep, rows));
        Gen<byte[]> binary = header.zip(byteArrays(range(1, 300), bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
                pick(HostileInput.INVALID_UTF8), (head, noise, bad) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes((head + "\n").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes(noise);
                    return out.toByteArray();
                });
        return oneOf(text.map(s -> s.getBytes(StandardCharsets.UTF_8)), binary);
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
    @Test
    void everyFileEndsAsACompletedOrFailedJob() {
        HostileTheory.check(csvFiles(), HostileImportIT::endsAsACompletedOrFailedJob);
    }

    private static void endsAsACompletedOrFailedJob(byte[] csv) {
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
