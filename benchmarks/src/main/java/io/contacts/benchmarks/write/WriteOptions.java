package io.contacts.benchmarks.write;

import io.contacts.benchmarks.Options;

import java.time.Duration;
import java.util.List;

/** What {@code run.sh write} measures: for how long per shape and concurrency, after which warm-up. */
public record WriteOptions(Duration warmUp, Duration perMeasurement, List<Integer> concurrencies) {

    public static final List<Integer> CONCURRENCIES = List.of(1, 8, 32, 64);

    public static WriteOptions parse(String... args) {
        boolean quick = false;
        Integer seconds = null;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--seconds" -> seconds = options.number(600);
                default -> throw Options.unknown(option);
            }
        }
        int measuring = seconds != null ? seconds : quick ? 3 : 8;
        return new WriteOptions(Duration.ofSeconds(quick ? 1 : 2), Duration.ofSeconds(measuring), CONCURRENCIES);
    }
}
