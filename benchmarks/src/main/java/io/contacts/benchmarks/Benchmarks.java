package io.contacts.benchmarks;

import io.contacts.benchmarks.all.AllBenchmarks;
import io.contacts.benchmarks.all.AllOptions;
import io.contacts.benchmarks.batch.BatchBenchmark;
import io.contacts.benchmarks.batch.BatchOptions;
import io.contacts.benchmarks.importing.ImportBenchmark;
import io.contacts.benchmarks.lag.LagBenchmark;
import io.contacts.benchmarks.lag.LagOptions;
import io.contacts.benchmarks.read.ReadBenchmark;
import io.contacts.benchmarks.read.ReadOptions;
import io.contacts.benchmarks.rebuild.RebuildBenchmark;
import io.contacts.benchmarks.report.Report;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.write.WriteBenchmark;
import io.contacts.benchmarks.write.WriteOptions;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** Entry point of {@code benchmarks/run.sh}: the first argument names the benchmark, the rest are its options. */
public final class Benchmarks {

    private static final String USAGE = """
            usage: benchmarks/run.sh read [--quick] [--rows N] [--seconds S] [--reload] [--deep] [--contention]
                   benchmarks/run.sh write [--quick] [--seconds S] [--concurrency C] [--warm-up S]
                   benchmarks/run.sh lag [--quick] [--rate R] [--seconds S] [--sample N] [--poll-ms P]
                   benchmarks/run.sh import [--rows N]
                   benchmarks/run.sh batch [--quick] [--batches N] [--clients C] [--size S]
                   benchmarks/run.sh rebuild
                   benchmarks/run.sh all [--quick] [--import-rows N]
              read       list, search and filter latency, ours and the Postgres way, at concurrency 1 and 16, then
                         16 concurrent deep pages beside other readers (their p99, Elasticsearch's breakers)
                --quick    100,000 contacts (default: 1,000,000)
                --rows N   another number of contacts
                --seconds S  measuring time of each shape, side and concurrency (quick: 3, full: 8)
                --reload   load the data again on both sides even when a loaded copy is found
                --deep     only the list pages (1, 500, 1,000, 10,000, last) and the deep-page contention
                --contention  only the deep-page contention (e.g. to compare settings of the deep-page bulkhead)
              write      creates and updates per second, their latency, writes answered from the read-your-writes
                         fallback and CPU per write of every process at concurrency 1, 8, 32 and 64
                --quick    3 s per shape and concurrency after 1 s of warm-up (default: 8 s after 2 s)
                --seconds S  another measuring time
              lag        time from a create's 2xx until search finds it, at a steady open-loop rate
                --rate R   creates/s (default: half the highest create rate of the last run.sh write)
                --quick    8 s after 1 s of warm-up (default: 20 s after 2 s); --seconds S another time
                --sample N poll for every Nth write only (default 1: every write)
                --poll-ms P  poll interval (default 5)
              import     a CSV of N generated rows (default 100,000) into a fresh account, rows/s until searchable
                         and CPU per row of every process (the bar is at 1,000,000 contacts stored: run.sh read)
              batch      batch upserts (half new contacts, half updates, by email and by identifier) from C clients
                         (default 4), each N batches (default 50, --quick 10) of S contacts (default 500) into a
                         fresh account: contacts/s until searchable, CPU per contact of every process
              rebuild    a projection rebuild from the event store (switches the alias), contacts/s
              all        write, lag, read, import, batch, rebuild and peak memory, then the report with its PNG charts
                         in benchmarks/target/report-<timestamp>/ (quick: each benchmark's quick form, read at 1 s
                         per measurement; the import of 20,000 rows quick, 100,000 full, or --import-rows N)""";

    private Benchmarks() {
    }

    static int importRows(String... args) {
        int rows = 100_000;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            if (!option.equals("--rows")) {
                throw Options.unknown(option);
            }
            rows = options.number(10_000_000);
        }
        return rows;
    }

    public static void main(String[] args) {
        BiFunction<Stack, String[], Benchmark> command = args.length == 0 ? null : switch (args[0]) {
            case "read" -> (stack, options) -> new ReadBenchmark(stack, ReadOptions.parse(options));
            case "write" -> (stack, options) -> new WriteBenchmark(stack, WriteOptions.parse(options));
            case "lag" -> (stack, options) -> new LagBenchmark(stack, LagOptions.parse(options));
            case "import" -> (stack, options) -> new ImportBenchmark(stack, importRows(options));
            case "batch" -> (stack, options) -> new BatchBenchmark(stack, BatchOptions.parse(options));
            case "rebuild" -> (stack, options) -> {
                if (options.length > 0) {
                    throw Options.unknown(options[0]);
                }
                return new RebuildBenchmark(stack);
            };
            case "all" -> (stack, options) -> {
                AllOptions all = AllOptions.parse(options);
                return out -> {
                    Report report = new AllBenchmarks(stack, all).run(out);
                    return new Section("all", "", Table.of("", 1), List.of(), List.of(), report.failures());
                };
            };
            default -> null;
        };
        if (command == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Benchmark benchmark;
        try {
            benchmark = command.apply(Stack.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        } catch (BenchmarkException e) {
            System.err.println("benchmarks: error: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            Section section = benchmark.run(System.out);
            for (Target target : section.targets()) {
                System.out.printf("  %-7s %s: %s%n", target.met() ? "met" : "MISSED", target.goal(), target.measured());
            }
            if (!section.failures().isEmpty()) {
                System.err.println("benchmarks: failed: " + String.join("; ", section.failures()));
                System.exit(1);
            }
        } catch (BenchmarkException e) {
            System.err.println("benchmarks: error: " + e.getMessage());
            System.exit(1);
        }
    }
}
