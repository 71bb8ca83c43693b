package io.contacts.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void printsFixedWidthLinesAsRowsAreAdded() {
        Table table = Table.of("shape", 8, "c", 3, "p99", 9);
        assertThat(table.header()).isEqualTo("shape      c       p99\n");
        assertThat(table.add("create", "64", Table.millis(123.4))).isEqualTo("create    64    123 ms\n");
        assertThat(table.text()).isEqualTo("shape      c       p99\ncreate    64    123 ms\n");
    }

    @Test
    void rendersMarkdownWithNumbersRightAligned() {
        Table table = Table.of("shape", 8, "n", 3);
        table.add("a|b", "1");
        assertThat(table.markdown()).isEqualTo("| shape | n |\n|---|---:|\n| a\\|b | 1 |\n");
    }

    @Test
    void everyRowHasACellPerColumn() {
        assertThatThrownBy(() -> Table.of("a", 1, "b", 1).add("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void millisecondsKeepThreeFiguresAndNumbersGroupThousands() {
        assertThat(Table.millis(4.25)).isEqualTo("4.3 ms");
        assertThat(Table.millis(99.94)).isEqualTo("99.9 ms");
        assertThat(Table.millis(1234.5)).isEqualTo("1235 ms");
        assertThat(Table.number(1234.6)).isEqualTo("1,235");
    }
}
