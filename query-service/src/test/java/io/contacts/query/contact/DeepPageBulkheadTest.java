package io.contacts.query.contact;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeepPageBulkheadTest {

    @Test
    void aDeepPageBeyondTheConcurrencyWaitsItsMaxWaitThenIsRefusedWithARetryAfter() throws Exception {
        DeepPageBulkhead bulkhead = new DeepPageBulkhead(new DeepPageLimits(1, Duration.ofMillis(100), 1));
        CountDownLatch admitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bulkhead.admit(() -> {
            admitted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(admitted.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> bulkhead.admit(() -> "second"))
                .isInstanceOfSatisfying(DeepPageBusyException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(90));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(bulkhead.admit(() -> "third")).isEqualTo("third");
    }

    @Test
    void aPageThatWaitsLessThanTheMaxWaitIsServed() throws Exception {
        DeepPageBulkhead bulkhead = new DeepPageBulkhead(new DeepPageLimits(1, Duration.ofSeconds(10), 1));
        CountDownLatch admitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bulkhead.admit(() -> {
            admitted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(admitted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> bulkhead.admit(() -> "second"));
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new DeepPageBusyException("x", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new DeepPageBusyException("x", Duration.ofMillis(6_200)).retryAfterSeconds()).isEqualTo(7);
        assertThat(new DeepPageBusyException("x", Duration.ofSeconds(3)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void limitsRefuseANonPositiveConcurrency() {
        assertThatThrownBy(() -> new DeepPageLimits(0, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeepPageLimits(1, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
