package io.contacts.benchmarks.all;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllOptionsTest {

    @Test
    void quickRunsEachBenchmarkQuickAndTheReadOneShorter() {
        AllOptions quick = AllOptions.parse("--quick");
        assertThat(quick.write()).containsExactly("--quick", "--seconds", "2", "--warm-up", "5");
        assertThat(quick.lag()).containsExactly("--quick", "--seconds", "5");
        assertThat(quick.read()).containsExactly("--quick", "--seconds", "1");
        assertThat(quick.importRows()).isEqualTo(20_000);
        assertThat(quick.batch()).containsExactly("--quick");
    }

    @Test
    void theFullRunImportsAHundredThousandRowsUnlessTold() {
        assertThat(AllOptions.parse().read()).containsExactly("--seconds", "6");
        assertThat(AllOptions.parse().importRows()).isEqualTo(100_000);
        assertThat(AllOptions.parse().batch()).isEmpty();
        assertThat(AllOptions.parse("--import-rows", "5000").importRows()).isEqualTo(5000);
        assertThatThrownBy(() -> AllOptions.parse("--rows", "5")).hasMessage("unknown option --rows");
    }

    @Test
    void totalTimeInMinutesAndSeconds() {
        assertThat(AllBenchmarks.minutes(179.6)).isEqualTo("3 min 00 s");
        assertThat(AllBenchmarks.minutes(65)).isEqualTo("1 min 05 s");
    }
}
