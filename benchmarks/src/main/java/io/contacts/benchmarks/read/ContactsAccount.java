package io.contacts.benchmarks.read;

import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.edge.ContactsApi.Account;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Our side's data: an account {@code read-bench-<rows>} loaded through the CSV import endpoint. Its id and token are
 * kept in {@code $CONTACTS_RUN_DIR/bench/read-<rows>.env} (mode 600), so a later run finds it and does not load again.
 */
final class ContactsAccount {

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
    CsvImport.Imported load(Path csv, PrintStream progress) {
        Account account = api.newAdministratorAccount(name());
        api.defineContactAttribute(account, "plan", "list");
        api.defineContactAttribute(account, "signup_date", "date");
        CsvImport.Imported imported = new CsvImport(api).run(account, csv, rows, progress);
        save(account);
        return imported;
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
}
