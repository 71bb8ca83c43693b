package io.contacts.benchmarks.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: {@code concurrency} threads each send request after request (request {@code i} from a shared
 * counter) until the measuring time is over, after a warm-up that is not recorded. A request that is slower than the
 * measuring time still completes and counts, so at least one request per thread is measured.
 */
public final class LoadLoop {

    /** One request; throws when the loop cannot go on (a refusal the caller counts is not thrown). */
    public interface Request {
        void send(int i) throws Exception;
    }

    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private LoadLoop() {
    }

    /** Sends requests as {@link #run} does for this long, recording nothing. */
    public static void warmUp(int concurrency, Duration time, Request request) {
        loop(concurrency, time, new AtomicInteger(), request, null, null);
    }

    public static Measurement run(int concurrency, Duration warmUp, Duration measuring, Request request) {
        AtomicInteger next = new AtomicInteger();
        loop(concurrency, warmUp, next, request, null, null);
        Histogram micros = new ConcurrentHistogram(MAX_MICROS, 3);
        long started = System.nanoTime();
        Timeline timeline = new Timeline(started, (int) measuring.toSeconds());
        loop(concurrency, measuring, next, request, micros, timeline);
        long ended = System.nanoTime();
        return new Measurement(Latencies.of(micros, ended - started), timeline.perSecond(ended));
    }

    private static void loop(int concurrency, Duration time, AtomicInteger next, Request request, Histogram into,
                             Timeline timeline) {
        long deadline = System.nanoTime() + time.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(threads.submit(() -> {
                    do {
                        long start = System.nanoTime();
                        request.send(next.getAndIncrement());
                        if (into != null) {
                            long end = System.nanoTime();
                            into.recordValue(Math.min(MAX_MICROS, (end - start) / 1000));
                            timeline.record(end);
                        }
                    } while (System.nanoTime() < deadline);
                    return null;
                }));
            }
            Futures.awaitAll(workers);
        } finally {
            threads.shutdownNow();
        }
    }
}
