package io.contacts.benchmarks.read;

import java.time.Duration;
import java.util.List;

/** What {@code run.sh read} measures: how many contacts, for how long per measurement, at which concurrencies. */
public record ReadOptions(int rows, Duration perMeasurement, List<Integer> concurrencies, boolean reload) {

    static final int QUICK_ROWS = 100_000;
    static final int FULL_ROWS = 1_000_000;
    /** contacts-csv.py numbers rows with 7 digits. */
    static final int MAX_ROWS = 10_000_000;

    public static ReadOptions parse(String... args) {
        boolean quick = false;
        boolean reload = false;
        Integer rows = null;
        Integer seconds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--reload" -> reload = true;
                case "--rows" -> rows = positive(args, ++i, MAX_ROWS);
                case "--seconds" -> seconds = positive(args, ++i, 600);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (quick && rows != null) {
            throw new IllegalArgumentException("--quick and --rows exclude each other");
        }
        int count = rows != null ? rows : quick ? QUICK_ROWS : FULL_ROWS;
        int perMeasurement = seconds != null ? seconds : quick ? 3 : 8;
        return new ReadOptions(count, Duration.ofSeconds(perMeasurement), List.of(1, 16), reload);
    }

    private static int positive(String[] args, int index, int max) {
        String option = args[index - 1];
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(option + " must be between 1 and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + args[index]);
        }
    }
}
