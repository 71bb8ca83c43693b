package io.contacts.benchmarks.load;

import java.time.Duration;

/**
 * When the sends of an open loop are due: send {@code i} at {@code i / rate} seconds after the start, whatever the
 * earlier sends are doing. A send that starts more than {@code tolerance} after it was due is late: the client, not
 * the server, set its pace, and the achieved rate falls short of the asked one.
 */
public record RateSchedule(double perSecond, Duration tolerance) {

    public RateSchedule {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be above 0, not " + perSecond);
        }
    }

    /** Nanoseconds after the start when send {@code i} is due. */
    public long dueNanos(long i) {
        return (long) (i * 1e9 / perSecond);
    }

    /** How many sends are due within {@code time} after the start. */
    public long sendsWithin(Duration time) {
        return (long) Math.ceil(time.toNanos() * perSecond / 1e9);
    }

    public boolean late(long dueNanos, long startedNanos) {
        return startedNanos - dueNanos > tolerance.toNanos();
    }
}
