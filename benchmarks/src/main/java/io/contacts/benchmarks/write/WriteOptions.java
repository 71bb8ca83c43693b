package io.contacts.benchmarks.write;

import io.contacts.benchmarks.Options;

import java.time.Duration;
import java.util.List;

/**
 * What {@code run.sh write} measures: for how long per shape and concurrency, after which warm-up, and how long the
 * whole stack is warmed up first (services just started compile their hot paths for minutes: measured as a third of
 * a service's CPU during the first thousands of writes).
 */
public record WriteOptions(Duration stackWarmUp, Duration warmUp, Duration perMeasurement,
                           List<Integer> concurrencies) {

    public static final List<Integer> CONCURRENCIES = List.of(1, 8, 32, 64);

    public static WriteOptions parse(String... args) {
        boolean quick = false;
        Integer seconds = null;
        Integer stackWarmUp = null;
        List<Integer> concurrencies = CONCURRENCIES;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--seconds" -> seconds = options.number(600);
                // one level alone, e.g. to profile the stack under it
                case "--concurrency" -> concurrencies = List.of(options.number(1024));
                case "--warm-up" -> stackWarmUp = options.number(600);
                default -> throw Options.unknown(option);
            }
        }
        int measuring = seconds != null ? seconds : quick ? 3 : 8;
        int warming = stackWarmUp != null ? stackWarmUp : quick ? 10 : 30;
        return new WriteOptions(Duration.ofSeconds(warming), Duration.ofSeconds(quick ? 1 : 2),
                Duration.ofSeconds(measuring), concurrencies);
    }
}
