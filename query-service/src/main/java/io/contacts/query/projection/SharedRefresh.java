package io.contacts.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Refreshes one at a time, and lets every caller that asks while a refresh runs share the next one (a group
 * commit). A refresh makes searchable what was written before it started, so a caller asks after its bulk returned
 * and is told when a refresh that started after that has ended. Under concurrent writes the index then refreshes
 * back to back, each refresh covering every bulk written meanwhile, instead of once per bulk: a refresh writes a
 * Lucene segment, measured as most of Elasticsearch's CPU per interactive write.
 */
class SharedRefresh {

    private static final Logger log = LoggerFactory.getLogger(SharedRefresh.class);

    private final Runnable refresh;
    private final Executor executor;
    /** Completes when the refresh after the running one ends; null while nobody asked for it. */
    private CompletableFuture<Void> next;
    private boolean running;

    /** @param executor runs the refreshes, one at a time (a single thread is enough) */
    SharedRefresh(Runnable refresh, Executor executor) {
        this.refresh = refresh;
        this.executor = executor;
    }

    /** Completes when a refresh that started after this call has ended; fails when that refresh failed. */
    synchronized CompletableFuture<Void> request() {
        if (next == null) {
            next = new CompletableFuture<>();
        }
        CompletableFuture<Void> requested = next;
        if (!running) {
            startNext();
        }
        return requested;
    }

    private void startNext() {
        CompletableFuture<Void> done = next;
        next = null;
        running = true;
        executor.execute(() -> {
            try {
                refresh.run();
                done.complete(null);
            } catch (RuntimeException e) {
                log.warn("Refresh failed; waiting readers fall back on the index's scheduled refresh: {}",
                        e.getMessage());
                done.completeExceptionally(e);
            } finally {
                finished();
            }
        });
    }

    private synchronized void finished() {
        running = false;
        if (next != null) {
            startNext();
        }
    }
}
