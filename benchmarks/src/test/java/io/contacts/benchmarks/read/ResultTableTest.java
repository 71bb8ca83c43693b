package io.contacts.benchmarks.read;

import io.contacts.benchmarks.load.Latencies;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

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
        String printed = table.add(new ResultTable.Line("list page 1", 16, new Latencies(300, 4.25, 10, 12, 20, 100),
                new Latencies(20, 350, 400, 419.4, 500, 5), "100000/100000"));
        String[] lines = table.table().text().split("\n");
        assertThat(printed).isEqualTo(lines[1] + "\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("shape").contains("p50 o/pg");
        assertThat(lines[1].split("\\s{2,}")).containsExactly("list page 1", "16", "4.3 ms", "12.0 ms", "350 ms",
                "419 ms", "0.012", "0.029", "300", "20", "100000/100000");
    }
}
