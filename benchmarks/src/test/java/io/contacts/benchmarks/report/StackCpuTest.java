package io.contacts.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StackCpuTest {

    @Test
    void addsOwnAndReapedChildrenTimesCountingFieldsFromTheLastParenthesis() {
        // utime 1200, stime 300, cutime 45, cstime 5; the command name holds spaces and parentheses
        String stat = "4242 (postgres: (walwriter) x) S 1 4242 4242 0 -1 4194560 100 200 0 0 1200 300 45 5 20 0 1 0"
                + " 1000 200000 500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(StackCpu.ticks(stat)).isEqualTo(1550);
    }

    @Test
    void perOperationIsWhatEachPartUsedSinceDividedByTheOperations() {
        StackCpu.Snapshot before = new StackCpu.Snapshot(Map.of("command-service", 1000.0, "es", 500.0));
        StackCpu.Snapshot after = new StackCpu.Snapshot(Map.of("command-service", 1400.0, "es", 1300.0,
                "kafka", 90.0));
        CpuPerOperation perWrite = after.perOperationSince(before, 200);
        // kafka was not running before: not measured
        assertThat(perWrite.millis()).containsOnlyKeys("command-service", "es");
        assertThat(perWrite.millis().get("command-service")).isCloseTo(2.0, within(1e-9));
        assertThat(perWrite.millis().get("es")).isCloseTo(4.0, within(1e-9));
        assertThat(perWrite.total()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void noOperationsMeasureNothing() {
        StackCpu.Snapshot snapshot = new StackCpu.Snapshot(Map.of("pg", 10.0));
        assertThat(snapshot.perOperationSince(snapshot, 0).millis()).isEmpty();
    }

    @Test
    void readsTheTreeOfARunningPartFromItsPidFile(@TempDir Path runDir) throws Exception {
        Files.createDirectories(runDir.resolve("pids"));
        Files.writeString(runDir.resolve("pids/command-service.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(runDir.resolve("pids/es.pid"), "999999999\n");
        StackCpu.Snapshot snapshot = StackCpu.take(runDir);
        // this JVM has used some CPU; a pid that is not running and parts without pid files are left out
        assertThat(snapshot.millis()).containsOnlyKeys("command-service");
        assertThat(snapshot.millis().get("command-service")).isPositive();
    }
}
