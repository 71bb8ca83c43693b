package io.contacts.benchmarks.lag;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LagPollingTest {

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    @Test
    void pollsAtTheAskedIntervalForTheFirstHundredMilliseconds() {
        assertThat(millis(LagBenchmark.pollInterval(Duration.ofMillis(5), 0))).isEqualTo(5);
        assertThat(millis(LagBenchmark.pollInterval(Duration.ofMillis(5), Duration.ofMillis(99).toNanos())))
                .isEqualTo(5);
    }

    @Test
    void thenAtLeastEveryTwentyFiveMilliseconds() {
        assertThat(millis(LagBenchmark.pollInterval(Duration.ofMillis(5), Duration.ofMillis(100).toNanos())))
                .isEqualTo(25);
        assertThat(millis(LagBenchmark.pollInterval(Duration.ofMillis(40), Duration.ofSeconds(3).toNanos())))
                .isEqualTo(40);
    }
}
