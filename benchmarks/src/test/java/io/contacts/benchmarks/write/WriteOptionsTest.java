package io.contacts.benchmarks.write;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteOptionsTest {

    @Test
    void theFullRunMeasuresEightSecondsAtTheFourConcurrencies() {
        WriteOptions options = WriteOptions.parse();
        assertThat(options.perMeasurement()).isEqualTo(Duration.ofSeconds(8));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.stackWarmUp()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.concurrencies()).containsExactly(1, 8, 32, 64);
    }

    @Test
    void quickIsShorterAndSecondsOverrideIt() {
        assertThat(WriteOptions.parse("--quick").perMeasurement()).isEqualTo(Duration.ofSeconds(3));
        assertThat(WriteOptions.parse("--quick").warmUp()).isEqualTo(Duration.ofSeconds(1));
        assertThat(WriteOptions.parse("--quick").stackWarmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(WriteOptions.parse("--quick", "--warm-up", "3").stackWarmUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(WriteOptions.parse("--quick", "--seconds", "5").perMeasurement()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void oneConcurrencyAlone() {
        assertThat(WriteOptions.parse("--concurrency", "8").concurrencies()).containsExactly(8);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> WriteOptions.parse("--fast")).hasMessage("unknown option --fast");
        assertThatThrownBy(() -> WriteOptions.parse("--seconds")).hasMessage("--seconds needs a number");
        assertThatThrownBy(() -> WriteOptions.parse("--seconds", "x")).hasMessage("--seconds needs a number, not x");
        assertThatThrownBy(() -> WriteOptions.parse("--seconds", "0"))
                .hasMessage("--seconds must be between 1 and 600");
    }
}
