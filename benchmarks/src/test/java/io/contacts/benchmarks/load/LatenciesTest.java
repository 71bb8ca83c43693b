package io.contacts.benchmarks.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatenciesTest {

    @Test
    void percentilesComeFromTheHistogramInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1000L);
        }
        Latencies latencies = Latencies.of(micros, 2_000_000_000L);
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Millis()).isCloseTo(50.0, within(0.05)); // 3 significant digits
        assertThat(latencies.p95Millis()).isCloseTo(95.0, within(0.1));
        assertThat(latencies.p99Millis()).isCloseTo(99.0, within(0.1));
        assertThat(latencies.maxMillis()).isCloseTo(100.0, within(0.1));
        assertThat(latencies.perSecond()).isEqualTo(50.0);
    }

    @Test
    void nothingMeasuredIsNoRate() {
        assertThat(Latencies.of(new Histogram(3), 0).perSecond()).isZero();
    }
}
