package io.contacts.benchmarks.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Our side's data: an account {@code read-bench-<rows>} loaded through the CSV import endpoint. Its id and token are
 * kept in {@code $CONTACTS_RUN_DIR/bench/read-<rows>.env} (mode 600), so a later run finds it and does not load again.
 */
final class ContactsAccount {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ContactsApi api;
    private final Path file;
    private final int rows;

    ContactsAccount(ContactsApi api, Path runDir, int rows) {
        this.api = api;
        this.file = runDir.resolve("bench").resolve("read-" + rows + ".env");
        this.rows = rows;
    }

    String name() {
        return "read-bench-" + rows;
    }

    /** The account of an earlier run when it still answers with all its contacts. */
    Optional<Account> existing() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            saved.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Account account = new Account(Long.parseLong(saved.getProperty("ACCOUNT")), saved.getProperty("TOKEN"));
        return api.opens(account) && api.listedContacts(account) == rows ? Optional.of(account) : Optional.empty();
    }

    /** A new account with the plan (list) and signup_date (date) definitions the filter needs, loaded with the CSV. */
    Account load(Path csv, PrintStream progress) {
        Account account = api.newAdministratorAccount(name());
        api.defineContactAttribute(account, "plan", "list");
        api.defineContactAttribute(account, "signup_date", "date");
        long deadline = System.nanoTime() + Duration.ofSeconds(300 + rows / 100).toNanos();
        long job = api.startImport(account, csv);
        JsonNode status;
        do {
            pause(deadline, "the import job " + job);
            status = api.importJob(account, job);
        } while (!status.path("status").asText().equals("completed") && !status.path("status").asText().equals("failed"));
        if (!status.path("status").asText().equals("completed") || status.path("created_records").asLong() != rows) {
            throw new BenchmarkException("the import of " + csv + " did not create " + rows + " contacts: " + status);
        }
        long listed;
        while ((listed = api.listedContacts(account)) < rows) {
            progress.printf("  searchable: %d/%d%n", listed, rows);
            pause(deadline, "GET /contacts counting " + rows);
        }
        save(account);
        return account;
    }

    private void save(Account account) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "ACCOUNT=" + account.id() + "\nTOKEN=" + account.token() + "\nROWS=" + rows + "\n");
        } catch (IOException e) {
            throw new BenchmarkException("cannot write " + file, e);
        }
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
