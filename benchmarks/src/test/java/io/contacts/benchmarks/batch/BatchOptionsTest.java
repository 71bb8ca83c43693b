package io.contacts.benchmarks.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchOptionsTest {

    @Test
    void fourClientsSendBatchesOfFiveHundred() {
        assertThat(BatchOptions.parse()).isEqualTo(new BatchOptions(4, 500, 50, 4));
        assertThat(BatchOptions.parse().contacts()).isEqualTo(100_000);
        assertThat(BatchOptions.parse("--quick")).isEqualTo(new BatchOptions(4, 500, 10, 1));
    }

    @Test
    void eachFigureCanBeChangedWithinTheApisLimit() {
        assertThat(BatchOptions.parse("--clients", "2", "--size", "1000", "--batches", "3"))
                .isEqualTo(new BatchOptions(2, 1000, 3, 4));
        assertThatThrownBy(() -> BatchOptions.parse("--size", "1001")).hasMessage("--size must be between 1 and 1000");
        assertThatThrownBy(() -> BatchOptions.parse("--rows", "5")).hasMessage("unknown option --rows");
    }
}
