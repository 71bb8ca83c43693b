package io.contacts.benchmarks;

import io.contacts.benchmarks.read.ReadBenchmark;
import io.contacts.benchmarks.read.ReadOptions;

import java.util.Arrays;

/** Entry point of {@code benchmarks/run.sh}: the first argument names the benchmark, the rest are its options. */
public final class Benchmarks {

    private static final String USAGE = """
            usage: benchmarks/run.sh read [--quick] [--rows N] [--seconds S] [--reload]
              read       list, search and filter latency, ours and the Postgres way, at concurrency 1 and 16
              --quick    100,000 contacts (default: 1,000,000)
              --rows N   another number of contacts
              --seconds S  measuring time of each shape, side and concurrency (quick: 3, full: 8)
              --reload   load the data again on both sides even when a loaded copy is found""";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("read")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        ReadOptions options;
        try {
            options = ReadOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        try {
            new ReadBenchmark(Stack.fromEnvironment(), options).run(System.out);
        } catch (BenchmarkException e) {
            System.err.println("benchmarks: error: " + e.getMessage());
            System.exit(1);
        }
    }
}
