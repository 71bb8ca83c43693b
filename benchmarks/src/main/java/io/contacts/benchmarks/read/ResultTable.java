package io.contacts.benchmarks.read;

import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.report.Table;

import java.util.Locale;

/** The read table: per shape and concurrency, both sides' p50/p99 and the ratio ours / Postgres. */
final class ResultTable {

    /** One line: a shape at one concurrency, measured on both sides; matches is what each side found. */
    record Line(String shape, int concurrency, Latencies ours, Latencies postgres, String matches) {
    }

    private final Table table = Table.of("shape", 38, "c", 3, "ours p50", 9, "ours p99", 9, "pg p50", 9,
            "pg p99", 9, "p50 o/pg", 9, "p99 o/pg", 9, "ours n", 8, "pg n", 8, "matches ours/pg", 16);

    String header() {
        return table.header();
    }

    /** Adds the line and returns it printed. */
    String add(Line line) {
        return table.add(line.shape(), String.valueOf(line.concurrency()), Table.millis(line.ours().p50Millis()),
                Table.millis(line.ours().p99Millis()), Table.millis(line.postgres().p50Millis()),
                Table.millis(line.postgres().p99Millis()), ratio(line.ours().p50Millis(), line.postgres().p50Millis()),
                ratio(line.ours().p99Millis(), line.postgres().p99Millis()), String.valueOf(line.ours().count()),
                String.valueOf(line.postgres().count()), line.matches());
    }

    Table table() {
        return table;
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
