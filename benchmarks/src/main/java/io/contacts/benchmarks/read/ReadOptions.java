package io.contacts.benchmarks.read;

import io.contacts.benchmarks.Options;

import java.time.Duration;
import java.util.List;

/** What {@code run.sh read} measures: how many contacts, for how long per measurement, at which concurrencies. */
public record ReadOptions(int rows, Duration perMeasurement, List<Integer> concurrencies, boolean reload,
                          boolean deepOnly, boolean contentionOnly) {

    static final int QUICK_ROWS = 100_000;
    static final int FULL_ROWS = 1_000_000;
    /** contacts-csv.py numbers rows with 7 digits. */
    static final int MAX_ROWS = 10_000_000;

    public static ReadOptions parse(String... args) {
        boolean quick = false;
        boolean reload = false;
        boolean deep = false;
        boolean contention = false;
        Integer rows = null;
        Integer seconds = null;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--reload" -> reload = true;
                case "--deep" -> deep = true;
                case "--contention" -> contention = true;
                case "--rows" -> rows = options.number(MAX_ROWS);
                case "--seconds" -> seconds = options.number(600);
                default -> throw Options.unknown(option);
            }
        }
        if (quick && rows != null) {
            throw new IllegalArgumentException("--quick and --rows exclude each other");
        }
        int count = rows != null ? rows : quick ? QUICK_ROWS : FULL_ROWS;
        int perMeasurement = seconds != null ? seconds : quick ? 3 : 8;
        return new ReadOptions(count, Duration.ofSeconds(perMeasurement), List.of(1, 16), reload, deep,
                contention);
    }
}
