package io.contacts.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateScheduleTest {

    private final RateSchedule fortyPerSecond = new RateSchedule(40, Duration.ofMillis(10));

    @Test
    void sendsAreDueEvenlyWhateverTheEarlierOnesDo() {
        assertThat(fortyPerSecond.dueNanos(0)).isZero();
        assertThat(fortyPerSecond.dueNanos(1)).isEqualTo(25_000_000L);
        assertThat(fortyPerSecond.dueNanos(40)).isEqualTo(1_000_000_000L);
    }

    @Test
    void countsTheSendsDueInATime() {
        assertThat(fortyPerSecond.sendsWithin(Duration.ofSeconds(3))).isEqualTo(120);
        assertThat(new RateSchedule(2.5, Duration.ZERO).sendsWithin(Duration.ofSeconds(1))).isEqualTo(3);
    }

    @Test
    void aSendIsLateBeyondTheTolerance() {
        assertThat(fortyPerSecond.late(1_000_000, 11_000_000)).isFalse();
        assertThat(fortyPerSecond.late(1_000_000, 11_000_001)).isTrue();
        assertThat(fortyPerSecond.late(1_000_000, 500_000)).isFalse();
    }

    @Test
    void theRateMustBePositive() {
        assertThatThrownBy(() -> new RateSchedule(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSchedule(Double.NaN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
