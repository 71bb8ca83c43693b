package io.contacts.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time used so far by each process of the stack, from /proc: for the process whose pid is in
 * {@code $CONTACTS_RUN_DIR/pids/<part>.pid} and every process below it, user and system time plus that of the
 * children they reaped (PostgreSQL's backends and nginx's workers that exited are counted by their parent).
 */
public final class StackCpu {

    /** Every part that does work for a write, in the order the tables show them. */
    public static final List<String> PARTS = List.of("command-service", "query-service", "pg", "kafka", "es",
            "nginx");
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private StackCpu() {
    }

    /** CPU used so far by each part's process tree, in milliseconds; parts not running are left out. */
    public record Snapshot(Map<String, Double> millis) {

        public Snapshot {
            millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        }

        /** What each part used since {@code before}, divided by {@code operations}: ms per operation. */
        public CpuPerOperation perOperationSince(Snapshot before, long operations) {
            Map<String, Double> perOperation = new LinkedHashMap<>();
            millis.forEach((part, now) -> {
                Double then = before.millis().get(part);
                if (then != null && operations > 0) {
                    perOperation.put(part, (now - then) / operations);
                }
            });
            return new CpuPerOperation(perOperation);
        }
    }

    public static Snapshot take(Path runDir) {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (String part : PARTS) {
            pid(runDir, part).flatMap(ProcessHandle::of).ifPresent(process -> {
                long ticks = Stream.concat(Stream.of(process), process.descendants())
                        .mapToLong(handle -> Machine.read("/proc/" + handle.pid() + "/stat").map(StackCpu::ticks)
                                .orElse(0L))
                        .sum();
                millis.put(part, ticks * 1000.0 / TICKS_PER_SECOND);
            });
        }
        return new Snapshot(millis);
    }

    /**
     * utime + stime + cutime + cstime (fields 14 to 17) of a /proc/&lt;pid&gt;/stat line, in clock ticks. The
     * command name (field 2) is in parentheses and may itself hold spaces and parentheses: fields are counted from
     * the last ')'.
     */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (the state)
        long sum = 0;
        for (int field = 14; field <= 17; field++) {
            sum += Long.parseLong(fields[field - 3]);
        }
        return sum;
    }

    private static Optional<Long> pid(Path runDir, String part) {
        return Machine.read(runDir.resolve("pids").resolve(part + ".pid").toString()).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim().split("\\s+")[0]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux we know of, asked of getconf to be sure. */
    private static long ticksPerSecond() {
        return getconf().orElse(100);
    }

    private static OptionalLong getconf() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0
                    ? OptionalLong.of(Long.parseLong(out)) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
