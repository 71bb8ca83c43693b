package io.contacts.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time a process of the stack and the processes it started have used so far (user plus system, as the kernel
 * counts it in /proc/&lt;pid&gt;/stat), for the process whose pid is in {@code $CONTACTS_RUN_DIR/pids/<part>.pid}.
 */
public final class ProcessCpu {

    private final ProcessHandle process;

    private ProcessCpu(ProcessHandle process) {
        this.process = process;
    }

    /** The part's process, or empty when its pid file is missing or the process is gone. */
    public static Optional<ProcessCpu> of(Path runDir, String part) {
        try {
            long pid = Long.parseLong(Files.readString(runDir.resolve("pids").resolve(part + ".pid")).trim());
            return ProcessHandle.of(pid).map(ProcessCpu::new);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Duration used() {
        return Stream.concat(Stream.of(process), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
