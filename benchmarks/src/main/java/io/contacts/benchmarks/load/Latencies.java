package io.contacts.benchmarks.load;

import org.HdrHistogram.Histogram;

/** What one measurement gives: how many requests, their percentiles in milliseconds, requests/s. */
public record Latencies(long count, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
                        double perSecond) {

    /** From a histogram of microseconds recorded over {@code elapsedNanos}. */
    public static Latencies of(Histogram micros, long elapsedNanos) {
        return new Latencies(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(95) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0, elapsedNanos > 0 ? micros.getTotalCount() * 1e9 / elapsedNanos : 0);
    }
}
