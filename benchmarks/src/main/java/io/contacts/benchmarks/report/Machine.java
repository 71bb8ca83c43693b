package io.contacts.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The box a run measured on, from /proc: cores, memory, the load average at a moment. */
public final class Machine {

    private Machine() {
    }

    public static String loadAverage() {
        return read("/proc/loadavg").map(text -> String.join(" ", List.of(text.trim().split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** MemTotal of /proc/meminfo in GiB, or unknown. */
    public static String memory() {
        return read("/proc/meminfo").flatMap(text -> text.lines().filter(line -> line.startsWith("MemTotal:"))
                        .findFirst())
                .map(line -> String.format(java.util.Locale.ROOT, "%.1f GiB",
                        Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    public static String cpu() {
        return read("/proc/cpuinfo").flatMap(text -> text.lines().filter(line -> line.startsWith("model name"))
                .findFirst()).map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
    }

    static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
