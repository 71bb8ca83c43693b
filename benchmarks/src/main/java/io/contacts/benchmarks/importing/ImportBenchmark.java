package io.contacts.benchmarks.importing;

import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.write.WriteBodies;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * A timed CSV import of generated rows into a fresh account, until every row is searchable. The account and its token
 * go to {@code $CONTACTS_RUN_DIR/bench-last-import.env} (mode 600), which {@code benchmarks/export.sh} exports.
 */
public final class ImportBenchmark implements Benchmark {

    private final Stack stack;
    private final int rows;

    public ImportBenchmark(Stack stack, int rows) {
        this.stack = stack;
        this.rows = rows;
    }

    @Override
    public Section run(PrintStream out) {
        ContactsApi api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
        int run = WriteBodies.runFromClock();
        out.printf("%nimport: %,d generated rows into a fresh account%n", rows);
        Path csv = CsvImport.generate(rows, "i" + run, out);
        try {
            Account account = api.newAdministratorAccount("import-bench-" + rows + "-" + run);
            CsvImport.Imported imported = new CsvImport(api).run(account, csv, rows, out);
            remember(imported);
            Section section = section(imported, "a separate import into a fresh account (`run.sh import`)");
            out.print(section.table().text());
            return section;
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                out.println("could not delete " + csv);
            }
        }
    }

    /** The report section of an import, this one's or the read benchmark's load. */
    public static Section section(CsvImport.Imported imported, String source) {
        Table table = Table.of("rows", 10, "upload", 9, "job completed", 14, "searchable", 11, "rows/s", 8);
        table.add(String.format(Locale.ROOT, "%,d", imported.rows()), seconds(imported.uploadSeconds()),
                seconds(imported.completedSeconds()), seconds(imported.searchableSeconds()),
                Table.number(imported.rowsPerSecond()));
        String method = "The CSV of `benchmarks/contacts-csv.py` uploaded with `POST /api/v1/accounts/{id}/contacts/"
                + "import` (multipart `import_file`), from " + source + ". Times from the start of the upload until "
                + "the POST answered, until `GET /data_imports/{job}` said completed and until `GET /contacts` "
                + "counted every row (polled every " + CsvImport.POLL.toMillis() + " ms: each time is an upper "
                + "bound by up to one poll).";
        return new Section("Import until searchable", method, table, List.of(),
                List.of(new Target("import at least 5,000 rows/s until searchable", Table.number(
                        imported.rowsPerSecond()) + " rows/s (" + String.format(Locale.ROOT, "%,d",
                        imported.rows()) + " rows)", imported.rowsPerSecond() >= 5000)), List.of());
    }

    private void remember(CsvImport.Imported imported) {
        Path file = stack.runDir().resolve("bench-last-import.env");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "ACCOUNT=" + imported.account().id() + "\nTOKEN=" + imported.account().token()
                    + "\nROWS=" + imported.rows() + "\n");
        } catch (IOException e) {
            throw new BenchmarkException("cannot write " + file, e);
        }
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
