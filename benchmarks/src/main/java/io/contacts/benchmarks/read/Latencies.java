package io.contacts.benchmarks.read;

import org.HdrHistogram.Histogram;

/** What one measurement gives: how many requests, their median and 99th percentile in milliseconds, requests/s. */
record Latencies(long count, double p50Millis, double p99Millis, double perSecond) {

    /** From a histogram of microseconds recorded over {@code elapsedNanos}. */
    static Latencies of(Histogram micros, long elapsedNanos) {
        return new Latencies(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                elapsedNanos > 0 ? micros.getTotalCount() * 1e9 / elapsedNanos : 0);
    }
}
