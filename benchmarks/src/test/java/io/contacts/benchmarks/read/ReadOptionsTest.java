package io.contacts.benchmarks.read;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOptionsTest {

    @Test
    void fullModeIsAMillionContacts() {
        ReadOptions options = ReadOptions.parse();
        assertThat(options.rows()).isEqualTo(1_000_000);
        assertThat(options.perMeasurement()).isEqualTo(Duration.ofSeconds(8));
        assertThat(options.concurrencies()).isEqualTo(List.of(1, 16));
        assertThat(options.reload()).isFalse();
        assertThat(options.deepOnly()).isFalse();
        assertThat(ReadOptions.parse("--deep").deepOnly()).isTrue();
        assertThat(options.contentionOnly()).isFalse();
        assertThat(ReadOptions.parse("--contention").contentionOnly()).isTrue();
    }

    @Test
    void quickModeIsAHundredThousandContactsAndShorterMeasurements() {
        ReadOptions options = ReadOptions.parse("--quick");
        assertThat(options.rows()).isEqualTo(100_000);
        assertThat(options.perMeasurement()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rowsSecondsAndReloadAreOptions() {
        ReadOptions options = ReadOptions.parse("--rows", "300000", "--seconds", "5", "--reload");
        assertThat(options.rows()).isEqualTo(300_000);
        assertThat(options.perMeasurement()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.reload()).isTrue();
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> ReadOptions.parse("--fast")).hasMessage("unknown option --fast");
        assertThatThrownBy(() -> ReadOptions.parse("--rows")).hasMessage("--rows needs a number");
        assertThatThrownBy(() -> ReadOptions.parse("--rows", "many")).hasMessage("--rows needs a number, not many");
        assertThatThrownBy(() -> ReadOptions.parse("--rows", "0")).hasMessage("--rows must be between 1 and 10000000");
        assertThatThrownBy(() -> ReadOptions.parse("--rows", "10000001"))
                .hasMessage("--rows must be between 1 and 10000000");
        assertThatThrownBy(() -> ReadOptions.parse("--quick", "--rows", "5"))
                .hasMessage("--quick and --rows exclude each other");
    }
}
