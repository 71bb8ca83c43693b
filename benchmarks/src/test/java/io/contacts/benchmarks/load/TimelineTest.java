package io.contacts.benchmarks.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsCompletionsPerWholeSecond() {
        long start = 5 * SECOND;
        Timeline timeline = new Timeline(start, 3);
        timeline.record(start);
        timeline.record(start + SECOND - 1);
        timeline.record(start + SECOND);
        timeline.record(start + 2 * SECOND + 5);
        timeline.record(start - 1); // before the start: not shown
        assertThat(timeline.perSecond(start + 3 * SECOND)).containsExactly(2L, 1L, 1L);
    }

    @Test
    void showsOnlySecondsThatEnded() {
        long start = 0;
        Timeline timeline = new Timeline(start, 3);
        timeline.record(SECOND + 10);
        assertThat(timeline.perSecond(SECOND + SECOND / 2)).containsExactly(0L);
    }

    @Test
    void aSlowLastRequestBeyondTheMeasuringTimeIsNotAnExtraSecond() {
        Timeline timeline = new Timeline(0, 2);
        timeline.record(2 * SECOND + 1);
        assertThat(timeline.perSecond(10 * SECOND)).containsExactly(0L, 0L);
    }
}
