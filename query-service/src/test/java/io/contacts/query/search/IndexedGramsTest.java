package io.contacts.query.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedGramsTest {

    static final Duration RECHECK = Duration.ofSeconds(30);
    static final Optional<Boolean> MARKED = Optional.of(true);
    static final Optional<Boolean> NOT_MARKED = Optional.of(false);
    static final Optional<Boolean> UNREACHABLE = Optional.empty();

    /** Near the end of the range, as {@link System#nanoTime} may be: the waits cross it. */
    final AtomicLong now = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(10).toNanos());
    final AtomicInteger reads = new AtomicInteger();

    /** Answers the reads in turn. */
    IndexedGrams grams(Duration recheck, List<Optional<Boolean>> answers) {
        Queue<Optional<Boolean>> left = new ArrayDeque<>(answers);
        return new IndexedGrams(() -> {
            reads.incrementAndGet();
            return left.remove();
        }, "contacts", recheck, now::get);
    }

    void advance(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void anAnswerIsKeptForTheRecheckInterval() {
        IndexedGrams grams = grams(RECHECK, List.of(MARKED, NOT_MARKED));

        assertThat(grams.complete()).isTrue();
        advance(RECHECK.minusNanos(1));
        assertThat(grams.complete()).isTrue();
        assertThat(reads).hasValue(1);

        advance(Duration.ofNanos(1));
        assertThat(grams.complete()).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastAnswerAndWaitsTheBackoff() {
        IndexedGrams grams = grams(RECHECK, List.of(MARKED, UNREACHABLE, NOT_MARKED));
        grams.complete();
        advance(RECHECK);

        assertThat(grams.complete()).isTrue();
        advance(IndexedGrams.FAILED_READ_BACKOFF.minusNanos(1));
        assertThat(grams.complete()).isTrue();
        assertThat(reads).hasValue(2);

        advance(Duration.ofNanos(1));
        assertThat(grams.complete()).isFalse();
        assertThat(reads).hasValue(3);
    }

    @Test
    void withoutAnyAnswerTheWildcardsServeUntilARetrySucceeds() {
        IndexedGrams grams = grams(RECHECK, List.of(UNREACHABLE, UNREACHABLE, MARKED));

        assertThat(grams.complete()).isFalse();
        assertThat(grams.complete()).isFalse();
        assertThat(reads).hasValue(1);

        advance(IndexedGrams.FAILED_READ_BACKOFF);
        assertThat(grams.complete()).isFalse();
        advance(IndexedGrams.FAILED_READ_BACKOFF);
        assertThat(grams.complete()).isTrue();
        assertThat(reads).hasValue(3);
    }

    @Test
    void theBackoffIsNeverLongerThanTheRecheck() {
        IndexedGrams grams = grams(Duration.ZERO, List.of(UNREACHABLE, MARKED, NOT_MARKED));

        assertThat(grams.complete()).isFalse();
        assertThat(grams.complete()).isTrue();
        assertThat(grams.complete()).isFalse();
        assertThat(reads).hasValue(3);
    }
}
