package io.contacts.benchmarks.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The printed table: per shape and concurrency, both sides' p50/p99 and the ratio ours / Postgres. */
final class ResultTable {

    /** One line: a shape at one concurrency, measured on both sides; matches is what each side found. */
    record Line(String shape, int concurrency, Latencies ours, Latencies postgres, String matches) {
    }

    private static final String FORMAT = "%-38s %3s %9s %9s %9s %9s %9s %9s %8s %8s  %s%n";

    private final List<Line> lines = new ArrayList<>();

    void add(Line line) {
        lines.add(line);
    }

    static String header() {
        return String.format(Locale.ROOT, FORMAT, "shape", "c", "ours p50", "ours p99", "pg p50", "pg p99",
                "p50 o/pg", "p99 o/pg", "ours n", "pg n", "matches ours/pg");
    }

    static String format(Line line) {
        return String.format(Locale.ROOT, FORMAT, line.shape(), line.concurrency(), millis(line.ours().p50Millis()),
                millis(line.ours().p99Millis()), millis(line.postgres().p50Millis()),
                millis(line.postgres().p99Millis()), ratio(line.ours().p50Millis(), line.postgres().p50Millis()),
                ratio(line.ours().p99Millis(), line.postgres().p99Millis()), line.ours().count(),
                line.postgres().count(), line.matches());
    }

    String render() {
        StringBuilder table = new StringBuilder(header());
        lines.forEach(line -> table.append(format(line)));
        return table.toString();
    }

    static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** ours / Postgres: below 1 we are faster (0.05 = 20 times faster). */
    static String ratio(double ours, double postgres) {
        if (postgres <= 0) {
            return "-";
        }
        double ratio = ours / postgres;
        return ratio >= 0.1 ? String.format(Locale.ROOT, "%.2f", ratio) : String.format(Locale.ROOT, "%.3f", ratio);
    }
}
