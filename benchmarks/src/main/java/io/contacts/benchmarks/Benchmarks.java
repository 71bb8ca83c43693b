package io.contacts.benchmarks;

import io.contacts.benchmarks.lag.LagBenchmark;
import io.contacts.benchmarks.lag.LagOptions;
import io.contacts.benchmarks.read.ReadBenchmark;
import io.contacts.benchmarks.read.ReadOptions;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.write.WriteBenchmark;
import io.contacts.benchmarks.write.WriteOptions;

import java.util.Arrays;
import java.util.function.BiFunction;

/** Entry point of {@code benchmarks/run.sh}: the first argument names the benchmark, the rest are its options. */
public final class Benchmarks {

    private static final String USAGE = """
            usage: benchmarks/run.sh read [--quick] [--rows N] [--seconds S] [--reload]
                   benchmarks/run.sh write [--quick] [--seconds S]
                   benchmarks/run.sh lag [--quick] [--rate R] [--seconds S] [--sample N] [--poll-ms P]
              read       list, search and filter latency, ours and the Postgres way, at concurrency 1 and 16
                --quick    100,000 contacts (default: 1,000,000)
                --rows N   another number of contacts
                --seconds S  measuring time of each shape, side and concurrency (quick: 3, full: 8)
                --reload   load the data again on both sides even when a loaded copy is found
              write      creates and updates per second and their latency at concurrency 1, 8, 32 and 64
                --quick    3 s per shape and concurrency after 1 s of warm-up (default: 8 s after 2 s)
                --seconds S  another measuring time
              lag        time from a create's 2xx until search finds it, at a steady open-loop rate
                --rate R   creates/s (default: half the highest create rate of the last run.sh write)
                --quick    8 s after 1 s of warm-up (default: 20 s after 2 s); --seconds S another time
                --sample N poll for every Nth write only (default 1: every write)
                --poll-ms P  poll interval (default 5)""";

    private Benchmarks() {
    }

    public static void main(String[] args) {
        BiFunction<Stack, String[], Benchmark> command = args.length == 0 ? null : switch (args[0]) {
            case "read" -> (stack, options) -> new ReadBenchmark(stack, ReadOptions.parse(options));
            case "write" -> (stack, options) -> new WriteBenchmark(stack, WriteOptions.parse(options));
            case "lag" -> (stack, options) -> new LagBenchmark(stack, LagOptions.parse(options));
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
