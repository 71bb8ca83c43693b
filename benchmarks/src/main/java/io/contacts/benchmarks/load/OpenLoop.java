package io.contacts.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: send {@code i} is handed to a pool of {@code threads} when the schedule says it is due, however
 * long the earlier ones take. Sends of the warm-up are told so ({@code measured} false). A send that starts late (no
 * thread was free) is counted, and the achieved rate is the measured sends over the time in which they started.
 */
public final class OpenLoop {

    /** One send; {@code measured} is false during the warm-up. Throws when the loop cannot go on. */
    public interface Send {
        void send(int i, boolean measured) throws Exception;
    }

    /** Sends made in the measured time, how many of them started late, and the measured time. */
    public record Sent(long sends, long late, long elapsedNanos) {

        public double perSecond() {
            return elapsedNanos > 0 ? sends * 1e9 / elapsedNanos : 0;
        }
    }

    private OpenLoop() {
    }

    public static Sent run(RateSchedule schedule, Duration warmUp, Duration measuring, int threads, Send send) {
        long warmUpSends = schedule.sendsWithin(warmUp);
        long total = warmUpSends + schedule.sendsWithin(measuring);
        AtomicLong late = new AtomicLong();
        AtomicLong lastStarted = new AtomicLong(Long.MIN_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long due = start + schedule.dueNanos(i);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = (int) i;
                boolean measured = i >= warmUpSends;
                sends.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    if (measured) {
                        lastStarted.accumulateAndGet(started, Math::max);
                        if (schedule.late(due, started)) {
                            late.incrementAndGet();
                        }
                    }
                    send.send(index, measured);
                    return null;
                }));
            }
            Futures.awaitAll(sends);
            // the measured sends started over this time: from the first one's due time to one interval after the last
            long measuredStart = start + schedule.dueNanos(warmUpSends);
            long interval = schedule.dueNanos(1);
            return new Sent(total - warmUpSends, late.get(), lastStarted.get() + interval - measuredStart);
        } finally {
            pool.shutdownNow();
        }
    }
}
