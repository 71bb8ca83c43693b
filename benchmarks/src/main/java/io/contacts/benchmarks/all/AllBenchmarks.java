package io.contacts.benchmarks.all;

import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.batch.BatchBenchmark;
import io.contacts.benchmarks.batch.BatchOptions;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.importing.ImportBenchmark;
import io.contacts.benchmarks.lag.LagBenchmark;
import io.contacts.benchmarks.lag.LagOptions;
import io.contacts.benchmarks.read.ReadBenchmark;
import io.contacts.benchmarks.read.ReadOptions;
import io.contacts.benchmarks.rebuild.RebuildBenchmark;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.PeakMemory;
import io.contacts.benchmarks.report.Report;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.report.Versions;
import io.contacts.benchmarks.write.WriteBenchmark;
import io.contacts.benchmarks.write.WriteOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code run.sh all}: write, lag, read, import, batch, rebuild and peak memory one after the other, then the report in
 * {@code benchmarks/target/report-<timestamp>/}. A benchmark that fails leaves a section saying so and the others
 * still run; the command then ends with exit 1.
 */
public final class AllBenchmarks {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Stack stack;
    private final AllOptions options;
    private final Path benchmarksDir = Path.of(System.getenv().getOrDefault("BENCHMARKS_DIR", "benchmarks"));

    public AllBenchmarks(Stack stack, AllOptions options) {
        this.stack = stack;
        this.options = options;
    }

    public Report run(PrintStream out) {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        List<Section> sections = new ArrayList<>();
        sections.add(guarded("Write path", () -> new WriteBenchmark(stack, WriteOptions.parse(options.write())), out));
        sections.add(guarded("Projection lag", () -> new LagBenchmark(stack, LagOptions.parse(options.lag())), out));
        ReadBenchmark read = new ReadBenchmark(stack, ReadOptions.parse(options.read()));
        sections.add(guarded("Read path against the Postgres way", () -> read, out));
        // after the read benchmark, whose account holds the million contacts the import and batch bars are at
        sections.add(guarded("Import until searchable", () -> new ImportBenchmark(stack, options.importRows()), out));
        sections.add(guarded("Batch upsert until searchable", () -> new BatchBenchmark(stack,
                BatchOptions.parse(options.batch())), out));
        sections.add(guarded("Projection rebuild", () -> new RebuildBenchmark(stack), out));
        sections.add(PeakMemory.section(stack.runDir()));
        double totalSeconds = (System.nanoTime() - startedNanos) / 1e9;

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS)));
        facts.put("command", "benchmarks/run.sh all" + (options.quick() ? " --quick" : "") + " ("
                + options.describe() + ")");
        facts.put("machine", Machine.cores() + " cores (" + Machine.cpu() + "), " + Machine.memory() + " RAM; every "
                + "part of the stack and this client on the one box");
        facts.put("load average before", loadBefore);
        facts.put("load average after", Machine.loadAverage());
        facts.putAll(Versions.of(stack, benchmarksDir));
        facts.put("total time", minutes(totalSeconds));
        Report report = new Report("Contacts benchmarks", facts, sections);

        Path directory = benchmarksDir.resolve("target").resolve("report-" + STAMP.format(started));
        report.write(directory);
        out.printf("%n==== summary ====%n");
        for (Section section : sections) {
            out.printf("%n%s%n%s", section.title(), section.table().text());
            section.failures().forEach(failure -> out.println("FAILED: " + failure));
        }
        out.printf("%ntargets%n");
        for (Target target : report.targets()) {
            out.printf("  %-7s %s: %s%n", target.met() ? "met" : "MISSED", target.goal(), target.measured());
        }
        out.printf("%nload average before %s, after %s; total %s%nreport: %s%n", loadBefore, Machine.loadAverage(),
                minutes(totalSeconds), directory.resolve("report.md"));
        return report;
    }

    /** Runs the benchmark; a failure becomes a section that says so, so that the other benchmarks still run. */
    private static Section guarded(String title, Supplier<Benchmark> benchmark, PrintStream out) {
        try {
            return benchmark.get().run(out);
        } catch (BenchmarkException e) {
            out.println(title + " failed: " + e.getMessage());
            return new Section(title, "Did not complete.", Table.of("error", 1), List.of(), List.of(),
                    List.of(e.getMessage()));
        }
    }

    static String minutes(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
