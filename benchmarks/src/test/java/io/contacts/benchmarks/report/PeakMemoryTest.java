package io.contacts.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PeakMemoryTest {

    @Test
    void readsTheHighWaterMarkOfAStatusFile() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  400000 kB\n";
        assertThat(PeakMemory.highWaterMarkKb(status)).hasValue(524288);
        assertThat(PeakMemory.highWaterMarkKb("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void listsEachProcessOfTheRunDirectoryButTheLaunchers(@TempDir Path runDir) throws Exception {
        Files.createDirectories(runDir.resolve("pids"));
        Files.writeString(runDir.resolve("pids/self.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(runDir.resolve("pids/es-launcher.pid"), "1\n");
        Files.writeString(runDir.resolve("pids/gone.pid"), "999999999\n");
        Section section = PeakMemory.section(runDir);
        assertThat(section.table().rows()).hasSize(2);
        assertThat(section.table().rows().get(0)).containsExactly("gone", "999999999", "not running");
        assertThat(section.table().rows().get(1).get(0)).isEqualTo("self");
        assertThat(section.table().rows().get(1).get(2)).matches("\\d+ MB");
    }
}
