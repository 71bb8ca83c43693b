package io.contacts.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void sendsEachNumberOnceAndTellsTheWarmUpApart() {
        Set<Integer> warmUp = ConcurrentHashMap.newKeySet();
        Set<Integer> measured = ConcurrentHashMap.newKeySet();
        OpenLoop.Sent sent = OpenLoop.run(new RateSchedule(200, Duration.ofSeconds(1)), Duration.ofMillis(50),
                Duration.ofMillis(100), 4, (i, isMeasured) -> (isMeasured ? measured : warmUp).add(i));
        assertThat(warmUp).hasSize(10).allMatch(i -> i < 10);
        assertThat(measured).hasSize(20).allMatch(i -> i >= 10 && i < 30);
        assertThat(sent.sends()).isEqualTo(20);
        assertThat(sent.late()).isZero();
    }

    @Test
    void sendsThatFindNoFreeThreadStartLate() {
        OpenLoop.Sent sent = OpenLoop.run(new RateSchedule(100, Duration.ofMillis(5)), Duration.ZERO,
                Duration.ofMillis(100), 1, (i, measured) -> Thread.sleep(30));
        assertThat(sent.sends()).isEqualTo(10);
        assertThat(sent.late()).isGreaterThanOrEqualTo(8);
        assertThat(sent.perSecond()).isLessThan(50);
    }
}
