package io.contacts.benchmarks.load;

import io.contacts.benchmarks.BenchmarkException;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the tasks of a load loop. */
public final class Futures {

    private Futures() {
    }

    /** Waits for every task; the first that failed ends the loop, its {@link BenchmarkException} as it is. */
    public static void awaitAll(List<Future<?>> tasks) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof BenchmarkException b ? b : new BenchmarkException(cause.toString(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }
}
