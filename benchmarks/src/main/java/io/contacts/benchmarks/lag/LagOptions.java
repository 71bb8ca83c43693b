package io.contacts.benchmarks.lag;

import io.contacts.benchmarks.Options;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What {@code run.sh lag} measures: at which rate (empty: half the highest create rate the write benchmark measured),
 * for how long, every how many writes a sample, and how often a sample polls.
 */
public record LagOptions(OptionalDouble rate, Duration warmUp, Duration measuring, int sampleEvery,
                         Duration pollInterval) {

    public static LagOptions parse(String... args) {
        boolean quick = false;
        Integer rate = null;
        Integer seconds = null;
        int sample = 1;
        int pollMillis = 5;
        Options options = new Options(args);
        while (options.hasNext()) {
            String option = options.next();
            switch (option) {
                case "--quick" -> quick = true;
                case "--rate" -> rate = options.number(100_000);
                case "--seconds" -> seconds = options.number(600);
                case "--sample" -> sample = options.number(1_000_000);
                case "--poll-ms" -> pollMillis = options.number(1000);
                default -> throw Options.unknown(option);
            }
        }
        int measuring = seconds != null ? seconds : quick ? 8 : 20;
        return new LagOptions(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate),
                Duration.ofSeconds(quick ? 1 : 2), Duration.ofSeconds(measuring), sample,
                Duration.ofMillis(pollMillis));
    }
}
