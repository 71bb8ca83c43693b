package io.contacts.benchmarks.read;

import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.load.LoadLoop;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.edge.ContactsApi.Account;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The read path against the Postgres way: loads the same generated contacts into our account (CSV import) and into
 * Chatwoot's table (COPY) unless a complete copy is found, checks both sides find the same, then measures every
 * shape on both sides at each concurrency and prints the table.
 */
public final class ReadBenchmark implements Benchmark {

    /** The namespace of the generated emails, identifiers and phone numbers; with the seed it fixes the data. */
    static final String PREFIX = "readbench";

    private final Stack stack;
    private final ReadOptions options;
    private final ContactsApi api;

    public ReadBenchmark(Stack stack, ReadOptions options) {
        this.stack = stack;
        this.options = options;
        this.api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
    }

    @Override
    public Section run(PrintStream out) {
        int rows = options.rows();
        ContactsAccount ours = new ContactsAccount(api, stack.runDir(), rows);
        try (ChatwootDatabase postgres = new ChatwootDatabase(stack, rows)) {
            Account account = load(ours, postgres, out);
            int connections = Collections.max(options.concurrencies());
            postgres.open(connections);
            out.printf("%nread path, %,d contacts: our account %d through %s; the Postgres way in database %s%n",
                    rows, account.id(), stack.edgeUrl(), postgres.name());
            out.printf("%s s per measurement after a %s s warm-up; machine: %d cores, load average %s%n%n",
                    options.perMeasurement().toSeconds(), warmUp().toMillis() / 1000.0,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            ResultTable table = new ResultTable();
            out.print(table.header());
            List<ResultTable.Line> lines = new ArrayList<>();
            for (ReadShape shape : ReadShape.values()) {
                if (options.contentionOnly() || options.deepOnly() && !shape.list()) {
                    continue;
                }
                String matches = matches(shape, account, postgres);
                for (int concurrency : options.concurrencies()) {
                    Latencies oursMeasured = LoadLoop.run(concurrency, warmUp(), options.perMeasurement(),
                            i -> measure(account, shape.query(i, rows))).latencies();
                    Latencies postgresMeasured = LoadLoop.run(concurrency, warmUp(), options.perMeasurement(),
                            i -> postgres.rows(shape.query(i, rows))).latencies();
                    ResultTable.Line line = new ResultTable.Line(shape.label(), concurrency, oursMeasured,
                            postgresMeasured, matches);
                    lines.add(line);
                    out.print(table.add(line));
                }
            }
            out.printf("%nload average after the shapes: %s%n", loadAverage());
            DeepPageContention.Result contention = new DeepPageContention(api, stack, account, rows, warmUp(),
                    options.perMeasurement()).run(out);
            out.printf("%nload average after the run: %s%n", loadAverage());
            return section(table, lines, contention);
        }
    }

    private Section section(ResultTable table, List<ResultTable.Line> lines, DeepPageContention.Result contention) {
        List<Chart.Bar> bars = new ArrayList<>();
        double worstP99AtMost = 0;
        double worstDashboardRatio = 0;
        int maxConcurrency = Collections.max(options.concurrencies());
        for (ResultTable.Line line : lines) {
            String category = line.shape() + " c=" + line.concurrency();
            bars.add(new Chart.Bar(category, "ours p50", line.ours().p50Millis()));
            bars.add(new Chart.Bar(category, "ours p99", line.ours().p99Millis()));
            bars.add(new Chart.Bar(category, "pg p50", line.postgres().p50Millis()));
            bars.add(new Chart.Bar(category, "pg p99", line.postgres().p99Millis()));
            if (line.concurrency() == maxConcurrency) {
                worstP99AtMost = Math.max(worstP99AtMost, line.ours().p99Millis());
            }
            if (line.postgres().p50Millis() > 0 && ReadShape.fromLabel(line.shape()).dashboard()) {
                worstDashboardRatio = Math.max(worstDashboardRatio, Math.max(
                        line.ours().p50Millis() / line.postgres().p50Millis(),
                        line.ours().p99Millis() / line.postgres().p99Millis()));
            }
        }
        List<Target> targets = List.of(
                new Target("search, filter and list p99 under 50 ms at concurrency " + maxConcurrency
                        + " (" + String.format(java.util.Locale.ROOT, "%,d", options.rows()) + " contacts)",
                        "worst " + io.contacts.benchmarks.report.Table.millis(worstP99AtMost), worstP99AtMost < 50),
                new Target("at least 10x faster than the Postgres way on the dashboard shapes (sorted lists with "
                        + "their count, deep page, sorted searches, filter), p50 and p99, every concurrency",
                        "worst ours/pg " + ResultTable.ratio(worstDashboardRatio, 1), worstDashboardRatio <= 0.1),
                deepAgainstOffset(lines), deepAgainstPage500(lines),
                new Target(DeepPageContention.DEEP_READERS + " concurrent deep pages trip no Elasticsearch circuit "
                        + "breaker", "tripped " + contention.trippedBefore() + " before, " + contention.trippedAfter()
                        + " after", contention.trippedAfter() == contention.trippedBefore()),
                new Target("other readers' p99 moves at most 20 % beside " + DeepPageContention.DEEP_READERS
                        + " concurrent deep pages", String.format(java.util.Locale.ROOT, "%.2f x",
                        contention.p99Ratio()), contention.p99Ratio() <= 1.2));
        String method = "The same generated contacts in our account (CSV import) and in Chatwoot's `contacts` table "
                + "with its indexes; each shape at concurrency " + options.concurrencies() + ", a closed loop of "
                + options.perMeasurement().toSeconds() + " s after a warm-up, ours through the edge, Postgres as "
                + "bare JDBC calls (docs/benchmarks-read.md). o/pg below 1: we are faster.";
        return new Section("Read path against the Postgres way", method, table.table(),
                List.of(new Chart.Bars("read-latency.png", "Read latency, ours and the Postgres way", "ms", bars)),
                targets, List.of());
    }

    private static final List<String> DEEP = List.of(ReadShape.LIST_PAGE_1000.label(),
            ReadShape.LIST_PAGE_10000.label(), ReadShape.LIST_LAST_PAGE.label());

    /** The bar: each deep page no slower than PostgreSQL's OFFSET at the same depth, p50 and p99. */
    private static Target deepAgainstOffset(List<ResultTable.Line> lines) {
        double worst = 0;
        for (ResultTable.Line line : lines) {
            if (DEEP.contains(line.shape()) && line.postgres().p50Millis() > 0) {
                worst = Math.max(worst, Math.max(line.ours().p50Millis() / line.postgres().p50Millis(),
                        line.ours().p99Millis() / line.postgres().p99Millis()));
            }
        }
        return new Target("deep pages (1,000, 10,000, last) no slower than PostgreSQL's OFFSET, p50 and p99",
                "worst ours/pg " + ResultTable.ratio(worst, 1), worst <= 1);
    }

    /** The goal: a deep page as fast as page 500 (p50 within 10 %, the noise between two runs of one shape). */
    private static Target deepAgainstPage500(List<ResultTable.Line> lines) {
        double worst = 0;
        for (ResultTable.Line line : lines) {
            if (!DEEP.contains(line.shape())) {
                continue;
            }
            for (ResultTable.Line page500 : lines) {
                if (page500.shape().equals(ReadShape.LIST_PAGE_500.label())
                        && page500.concurrency() == line.concurrency() && page500.ours().p50Millis() > 0) {
                    worst = Math.max(worst, line.ours().p50Millis() / page500.ours().p50Millis());
                }
            }
        }
        return new Target("a deep page as fast as page 500 (p50, same concurrency, within 10 %)",
                "worst deep/page 500 " + ResultTable.ratio(worst, 1), worst <= 1.1);
    }

    private Account load(ContactsAccount ours, ChatwootDatabase postgres, PrintStream out) {
        int rows = options.rows();
        Optional<Account> existing = options.reload() ? Optional.empty() : ours.existing();
        boolean postgresLoaded = !options.reload() && postgres.loadedContacts() == rows;
        if (existing.isPresent() && postgresLoaded) {
            out.printf("found account %s and database %s with %,d contacts each: not loading again%n",
                    ours.name(), postgres.name(), rows);
            return existing.get();
        }
        Path csv = CsvImport.generate(rows, PREFIX, out);
        try {
            if (!postgresLoaded) {
                long started = System.nanoTime();
                postgres.load(csv);
                out.printf("loaded %s with COPY and built its indexes in %.1f s%n", postgres.name(), seconds(started));
            }
            if (existing.isPresent()) {
                return existing.get();
            }
            CsvImport.Imported imported = ours.load(csv, out);
            out.printf("imported into account %d (%s) until searchable in %.1f s%n", imported.account().id(),
                    ours.name(), imported.searchableSeconds());
            return imported.account();
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                out.println("could not delete " + csv);
            }
        }
    }

    /** The same request on both sides finds the same number of contacts (the total, or the page for a search). */
    private String matches(ReadShape shape, Account account, ChatwootDatabase postgres) {
        ReadQuery query = shape.query(0, options.rows());
        long oursFound = api.count(account, query.method(), query.path(), query.jsonBody());
        long postgresFound;
        try {
            postgresFound = postgres.rows(query);
        } catch (Exception e) {
            throw new BenchmarkException(shape.label() + " on " + postgres.name() + ": " + e.getMessage(), e);
        }
        if (query.sql().size() == 1) {
            postgresFound = Math.min(postgresFound, ChatwootSql.PER_PAGE);
        }
        if (oursFound != postgresFound) {
            throw new BenchmarkException(shape.label() + ": our API finds " + oursFound + " contacts, Postgres "
                    + postgresFound + "; the two sides do not hold the same data");
        }
        return oursFound + "/" + postgresFound;
    }

    private void measure(Account account, ReadQuery query) {
        api.measure(account, query.method(), query.path(), query.jsonBody());
    }

    private Duration warmUp() {
        return options.perMeasurement().dividedBy(3);
    }

    private static String loadAverage() {
        return Machine.loadAverage();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
