package io.contacts.benchmarks.read;

import io.contacts.benchmarks.BenchmarkException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
final class LoadLoop {

    /** One request; throws when the answer is not the expected one. */
    interface Request {
        void send(int i) throws Exception;
    }

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private LoadLoop() {
    }

    static Latencies run(int concurrency, Duration warmUp, Duration measuring, Request request) {
        AtomicInteger next = new AtomicInteger();
        loop(concurrency, warmUp, next, request, null);
        Histogram micros = new ConcurrentHistogram(MAX_MICROS, 3);
        long started = System.nanoTime();
        loop(concurrency, measuring, next, request, micros);
        return Latencies.of(micros, System.nanoTime() - started);
    }

    private static void loop(int concurrency, Duration time, AtomicInteger next, Request request, Histogram into) {
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
                            into.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                        }
                    } while (System.nanoTime() < deadline);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof BenchmarkException b ? b : new BenchmarkException(cause.toString(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
