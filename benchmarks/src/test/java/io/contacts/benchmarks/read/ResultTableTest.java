package io.contacts.benchmarks.read;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultTableTest {

    @Test
    void percentilesComeFromTheHistogramInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1000L);
        }
        Latencies latencies = Latencies.of(micros, 2_000_000_000L);
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Millis()).isCloseTo(50.0, within(0.05)); // 3 significant digits
        assertThat(latencies.p99Millis()).isCloseTo(99.0, within(0.1));
        assertThat(latencies.perSecond()).isEqualTo(50.0);
    }

    @Test
    void theRatioIsOursOverPostgres() {
        assertThat(ResultTable.ratio(5, 100)).isEqualTo("0.050");
        assertThat(ResultTable.ratio(50, 100)).isEqualTo("0.50");
        assertThat(ResultTable.ratio(42, 1)).isEqualTo("42.00");
        assertThat(ResultTable.ratio(1, 0)).isEqualTo("-");
    }

    @Test
    void aLineShowsBothSidesAndWhatTheyFound() {
        ResultTable table = new ResultTable();
        table.add(new ResultTable.Line("list page 1", 16, new Latencies(300, 4.25, 12, 100),
                new Latencies(20, 350, 419.4, 5), "100000/100000"));
        String[] lines = table.render().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("shape").contains("p50 o/pg");
        assertThat(lines[1].split("\\s{2,}")).containsExactly("list page 1", "16", "4.3 ms", "12.0 ms", "350 ms",
                "419 ms", "0.012", "0.029", "300", "20", "100000/100000");
    }
}
