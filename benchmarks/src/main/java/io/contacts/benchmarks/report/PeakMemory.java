package io.contacts.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The peak resident memory of each process of the stack: VmHWM of /proc/&lt;pid&gt;/status, the high-water mark the
 * kernel keeps since the process started, for each pid in {@code $CONTACTS_RUN_DIR/pids/*.pid} (launchers left out).
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** VmHWM in kB from the text of a /proc/&lt;pid&gt;/status file. */
    static OptionalLong highWaterMarkKb(String status) {
        return status.lines().filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst();
    }

    public static Section section(Path runDir) {
        Table table = Table.of("process", 20, "pid", 8, "peak RSS", 10);
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(runDir.resolve("pids"))) {
            pidFiles = files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .filter(file -> !file.getFileName().toString().contains("-launcher")).sorted().toList();
        } catch (IOException e) {
            pidFiles = List.of();
        }
        List<Chart.Bar> bars = new ArrayList<>();
        for (Path pidFile : pidFiles) {
            String process = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            Optional<String> pid = Machine.read(pidFile.toString()).map(text -> text.trim().split("\\s+")[0]);
            OptionalLong kb = pid.flatMap(p -> Machine.read("/proc/" + p + "/status"))
                    .map(PeakMemory::highWaterMarkKb).orElse(OptionalLong.empty());
            table.add(process, pid.orElse("-"), kb.isPresent() ? kb.getAsLong() / 1024 + " MB" : "not running");
            kb.ifPresent(value -> bars.add(new Chart.Bar(process, "peak RSS", value / 1024.0)));
        }
        return new Section("Peak memory", "VmHWM (the kernel's high-water mark of the resident set since the process "
                + "started, so it covers this run and whatever ran before it since the stack started) of each pid in "
                + "`$CONTACTS_RUN_DIR/pids`. PostgreSQL and nginx are the postmaster and nginx master only, without "
                + "their backends and workers.", table,
                List.of(new Chart.Bars("peak-memory.png", "Peak RSS of each process", "MB", bars)), List.of(),
                List.of());
    }
}
