package io.contacts.benchmarks.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.edge.ContactsApi.Account;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A CSV of generated contacts ({@code benchmarks/contacts-csv.py}) imported into an account through the edge
 * ({@code POST /contacts/import}), timed from the start of the upload until the job completed and until
 * {@code GET /contacts} counts every row.
 */
public final class CsvImport {

    /** What an import took; every time is from the start of the upload, polled every {@link #POLL}. */
    public record Imported(Account account, int rows, double uploadSeconds, double completedSeconds,
                           double searchableSeconds) {

        public double rowsPerSecond() {
            return searchableSeconds > 0 ? rows / searchableSeconds : 0;
        }
    }

    public static final Duration POLL = Duration.ofMillis(500);

    private final ContactsApi api;

    public CsvImport(ContactsApi api) {
        this.api = api;
    }

    /** Writes {@code rows} contacts under {@code prefix} (seed 1) to a temporary file; the caller deletes it. */
    public static Path generate(int rows, String prefix, PrintStream out) {
        Path generator = Path.of(System.getenv().getOrDefault("BENCHMARKS_DIR", "benchmarks"), "contacts-csv.py");
        try {
            Path csv = Files.createTempFile(prefix + "-" + rows + "-", ".csv");
            Process python = new ProcessBuilder("python3", generator.toString(), String.valueOf(rows), "--prefix",
                    prefix, "--out", csv.toString()).inheritIO().start();
            if (python.waitFor() != 0) {
                throw new BenchmarkException(generator + " failed with exit code " + python.exitValue());
            }
            out.printf("generated %,d contacts (%s, prefix %s, seed 1)%n", rows, generator, prefix);
            return csv;
        } catch (IOException e) {
            throw new BenchmarkException("cannot run " + generator + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    /** Imports the file and waits until every row is created and listed; fails when one is not. */
    public Imported run(Account account, Path csv, int rows, PrintStream progress) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(300 + rows / 100).toNanos();
        long job = api.startImport(account, csv);
        long uploaded = System.nanoTime();
        JsonNode status;
        do {
            pause(deadline, "the import job " + job);
            status = api.importJob(account, job);
        } while (!status.path("status").asText().equals("completed") && !status.path("status").asText().equals("failed"));
        long completed = System.nanoTime();
        if (!status.path("status").asText().equals("completed") || status.path("created_records").asLong() != rows) {
            throw new BenchmarkException("the import of " + csv + " did not create " + rows + " contacts: " + status);
        }
        long listed;
        while ((listed = api.listedContacts(account)) < rows) {
            progress.printf("  searchable: %d/%d%n", listed, rows);
            pause(deadline, "GET /contacts counting " + rows);
        }
        long searchable = System.nanoTime();
        return new Imported(account, rows, seconds(uploaded - started), seconds(completed - started),
                seconds(searchable - started));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void pause(long deadline, String waitingFor) {
        if (System.nanoTime() > deadline) {
            throw new BenchmarkException(waitingFor + " did not finish in time");
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }
}
