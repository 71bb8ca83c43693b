package io.contacts.command.it;

import io.contacts.command.importing.ImportRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import interrupted after its first batch (a shutdown; a crash is the same for the database, where a batch commits
 * whole or not at all) and run again by a new run: it resumes after the committed rows and applies no row twice.
 * No worker polls in integration tests (CommandServiceIT: workers = 0, batches of 100): the test runs the job itself.
 */
class ImportResumeIT extends CommandServiceIT {

    private static final int ROWS = 250;

    @Autowired
    ImportRun run;

    @Test
    void aResumedImportStartsAfterTheLastCommittedBatchAndAppliesNoRowTwice() {
        Account account = newAccount();
        String domain = UUID.randomUUID() + ".example.com";
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Row ").append(i).append(",row").append(i).append('@').append(domain).append('\n');
        }
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"import_file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpJson.Response uploaded = http().send("POST", contacts(account) + "/import", account.adminToken(), body,
                "multipart/form-data; boundary=" + boundary);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        long job = uploaded.json().path("id").asLong();

        AtomicInteger batches = new AtomicInteger();
        run.run(job, () -> batches.incrementAndGet() > 1);
        Map<String, Object> paused = jdbc.queryForMap(
                "SELECT status, rows_done, created_records FROM data_imports WHERE id = ?", job);
        assertThat(paused).containsEntry("status", "processing").containsEntry("rows_done", 100)
                .containsEntry("created_records", 100);
        assertThat(createdEvents(account)).isEqualTo(100);

        run.run(job, () -> false);

        Map<String, Object> done = jdbc.queryForMap(
                "SELECT status, rows_done, created_records, failed_records FROM data_imports WHERE id = ?", job);
        assertThat(done).containsEntry("status", "completed").containsEntry("rows_done", ROWS)
                .containsEntry("created_records", ROWS).containsEntry("failed_records", 0);
        assertThat(createdEvents(account)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ? AND kind = 'email' "
                + "AND value LIKE ?", Integer.class, account.id(), "%@" + domain)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM data_import_chunks WHERE import_id = ?", Integer.class,
                job)).isZero();
    }

    private int createdEvents(Account account) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb ->> 'account_id' = ?", Integer.class,
                "io.contacts.events.ContactCreated", String.valueOf(account.id()));
    }
}
