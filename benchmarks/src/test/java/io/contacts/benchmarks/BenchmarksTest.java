package io.contacts.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarksTest {

    @Test
    void importsAHundredThousandRowsUnlessTold() {
        assertThat(Benchmarks.importRows()).isEqualTo(100_000);
        assertThat(Benchmarks.importRows("--rows", "2000")).isEqualTo(2000);
        assertThatThrownBy(() -> Benchmarks.importRows("2000")).hasMessage("unknown option 2000");
    }
}
