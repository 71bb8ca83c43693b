package io.contacts.benchmarks.importing;

import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.edge.StoredContacts;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.StackCpu;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.write.WriteBodies;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timed CSV import of generated rows into a fresh account, until every row is searchable, with the CPU each process
 * of the stack used per row. The account and its token go to {@code $CONTACTS_RUN_DIR/bench-last-import.env} (mode
 * 600), which {@code benchmarks/export.sh} exports.
 */
public final class ImportBenchmark implements Benchmark {

    static final double BAR = 4000;

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
        long stored = new StoredContacts(stack.elasticsearchUrl()).count();
        out.printf("%nimport: %,d generated rows into a fresh account; %,d contacts stored in the stack%n", rows,
                stored);
        Path csv = CsvImport.generate(rows, "i" + run, out);
        try {
            Account account = api.newAdministratorAccount("import-bench-" + rows + "-" + run);
            StackCpu.Snapshot before = StackCpu.take(stack.runDir());
            CsvImport.Imported imported = new CsvImport(api).run(account, csv, rows, out);
            CpuPerOperation cpu = StackCpu.take(stack.runDir()).perOperationSince(before, rows);
            remember(imported);
            Section section = section(imported, stored, cpu);
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

    /** The report section of an import into a stack that stored {@code stored} contacts before it. */
    static Section section(CsvImport.Imported imported, long stored, CpuPerOperation cpu) {
        Table table = Table.of("rows", 10, "upload", 9, "job completed", 14, "searchable", 11, "rows/s", 8,
                "CPU µs", 7, "cmd", 6, "query", 6, "pg", 6, "kafka", 6, "es", 6, "nginx", 6);
        CpuPerOperation micro = cpu.times(1000);
        List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", imported.rows()),
                seconds(imported.uploadSeconds()), seconds(imported.completedSeconds()),
                seconds(imported.searchableSeconds()), Table.number(imported.rowsPerSecond()), micro.totalCell(0)));
        cells.addAll(micro.cells(0));
        table.add(cells);
        String method = "The CSV of `benchmarks/contacts-csv.py` uploaded with `POST /api/v1/accounts/{id}/contacts/"
                + "import` (multipart `import_file`) into a fresh account of a stack storing "
                + String.format(Locale.ROOT, "%,d", stored) + " contacts. Times from the start of the upload "
                + "until the POST answered, until `GET /data_imports/{job}` said completed and until `GET /contacts` "
                + "counted every row (polled every " + CsvImport.POLL.toMillis() + " ms: each time is an upper "
                + "bound by up to one poll). *CPU µs*: CPU time per row summed over every process of the stack, then "
                + "by process, from /proc as in the write path, from the upload until every row was searchable.";
        boolean met = imported.rowsPerSecond() >= BAR && stored >= StoredContacts.BAR;
        return new Section("Import until searchable", method, table,
                List.of(new Chart.StackedBars("import-cpu.png", "CPU per row of the CSV import by process",
                        "µs of CPU per row", micro.bars("CSV import"))),
                List.of(new Target("import at least 4,000 rows/s until searchable, 1 M stored", Table.number(
                        imported.rowsPerSecond()) + " rows/s (" + String.format(Locale.ROOT, "%,d",
                        imported.rows()) + " rows, " + StoredContacts.describe(stored) + ")", met)), List.of());
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
