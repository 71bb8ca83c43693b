package io.contacts.benchmarks.load;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Completions in each whole second of a measuring time of {@code seconds}; what completes after it (the requests still
 * under way when the time ran out) is not shown.
 */
public final class Timeline {

    private final long startNanos;
    private final AtomicLongArray counts;

    public Timeline(long startNanos, int seconds) {
        this.startNanos = startNanos;
        this.counts = new AtomicLongArray(seconds);
    }

    public void record(long nanoTime) {
        long since = nanoTime - startNanos;
        long second = since / 1_000_000_000L;
        if (since >= 0 && second < counts.length()) {
            counts.incrementAndGet((int) second);
        }
    }

    /** Completions in second 0, 1, ... up to the last second that ended by {@code endNanos}. */
    public List<Long> perSecond(long endNanos) {
        int whole = (int) Math.min(counts.length(), Math.max(0, (endNanos - startNanos) / 1_000_000_000L));
        Long[] values = new Long[whole];
        for (int i = 0; i < whole; i++) {
            values[i] = counts.get(i);
        }
        return Arrays.asList(values);
    }
}
