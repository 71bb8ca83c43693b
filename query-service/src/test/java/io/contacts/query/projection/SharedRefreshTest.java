package io.contacts.query.projection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedRefreshTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicInteger refreshes = new AtomicInteger();
    /** Each refresh takes one permit; the test releases them to let refreshes end. */
    private final Semaphore proceed = new Semaphore(0);
    private final CountDownLatch firstStarted = new CountDownLatch(1);

    private final SharedRefresh shared = new SharedRefresh(() -> {
        refreshes.incrementAndGet();
        firstStarted.countDown();
        proceed.acquireUninterruptibly();
    }, executor);

    @AfterEach
    void stop() {
        proceed.release(100);
        executor.shutdownNow();
    }

    @Test
    void aRequestWhileARefreshRunsWaitsForTheNextOne() throws Exception {
        CompletableFuture<Void> first = shared.request();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = shared.request();

        proceed.release();
        first.get(5, TimeUnit.SECONDS);
        assertThat(second).isNotDone();

        proceed.release();
        second.get(5, TimeUnit.SECONDS);
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void requestsWhileARefreshRunsShareOneRefresh() throws Exception {
        CompletableFuture<Void> first = shared.request();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = shared.request();
        CompletableFuture<Void> third = shared.request();
        CompletableFuture<Void> fourth = shared.request();

        proceed.release(2);
        CompletableFuture.allOf(first, second, third, fourth).get(5, TimeUnit.SECONDS);
        assertThat(second).isSameAs(third).isSameAs(fourth);
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void nothingRefreshesUnasked() throws Exception {
        shared.request();
        proceed.release();
        executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aFailedRefreshFailsItsRequestsAndTheNextRequestRefreshesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SharedRefresh failingOnce = new SharedRefresh(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("Elasticsearch is unreachable");
            }
        }, executor);

        CompletableFuture<Void> failed = failingOnce.request();
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("Elasticsearch is unreachable");
        failingOnce.request().get(5, TimeUnit.SECONDS);
        assertThat(calls).hasValue(2);
    }
}
