package io.contacts.query.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionLagTest {

    @Test
    void recordsAreTheEndMinusTheCommittedOffsetNeverNegative() {
        assertThat(PartitionLag.records(120, 100)).isEqualTo(20);
        assertThat(PartitionLag.records(100, 100)).isZero();
        assertThat(PartitionLag.records(90, 100)).isZero();
    }

    @Test
    void secondsAreTheAgeOfTheOldestUnappliedRecordAndZeroWhenCaughtUp() {
        PartitionLag lag = new PartitionLag();
        lag.update(5, 10_000L, 12_500);
        assertThat(lag.records()).isEqualTo(5);
        assertThat(lag.seconds()).isEqualTo(2.5);

        // stuck: the same oldest record, a later sample
        lag.update(7, 10_000L, 70_000);
        assertThat(lag.seconds()).isEqualTo(60.0);

        // the oldest record could not be read this time: the last age stays
        lag.update(7, null, 80_000);
        assertThat(lag.seconds()).isEqualTo(60.0);

        // caught up: 0, however old the last event is
        lag.update(0, null, 1_000_000);
        assertThat(lag.records()).isZero();
        assertThat(lag.seconds()).isZero();
    }
}
