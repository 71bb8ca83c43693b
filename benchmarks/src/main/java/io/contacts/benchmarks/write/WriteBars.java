package io.contacts.benchmarks.write;

import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bars an interactive write must reach, checked against the measured loops. A loop with writes answered from the
 * read-your-writes fallback (not yet searchable when answered) misses its bar whatever its figure: those writes count
 * as failures. A bar whose loop was not measured (run.sh write --concurrency C) is left out.
 */
final class WriteBars {

    static final double CPU_MS_AT_32 = 3;
    static final double CREATES_PER_SECOND_AT_64 = 500;
    static final double CREATE_P50_MS_SEQUENTIAL = 30;
    static final double CREATE_P99_MS_AT_8 = 100;

    private WriteBars() {
    }

    static List<Target> check(List<WriteLoop> loops) {
        List<Target> targets = new ArrayList<>();
        cpuAt32(loops).ifPresent(targets::add);
        find(loops, WriteShape.CREATE, 64).ifPresent(loop -> targets.add(target(
                "at least 500 creates/s at concurrency 64", Table.number(loop.latencies().perSecond())
                        + " creates/s", loop.latencies().perSecond() >= CREATES_PER_SECOND_AT_64, List.of(loop))));
        find(loops, WriteShape.CREATE, 1).ifPresent(loop -> targets.add(target(
                "create p50 sequential (concurrency 1) at most 30 ms", Table.millis(loop.latencies().p50Millis()),
                loop.latencies().p50Millis() <= CREATE_P50_MS_SEQUENTIAL, List.of(loop))));
        find(loops, WriteShape.CREATE, 8).ifPresent(loop -> targets.add(target(
                "create p99 at concurrency 8 at most 100 ms", Table.millis(loop.latencies().p99Millis()),
                loop.latencies().p99Millis() <= CREATE_P99_MS_AT_8, List.of(loop))));
        targets.add(noFallbacks(loops));
        return targets;
    }

    /** Create and update at concurrency 32, each summed over every process (the keyed create is shown beside). */
    private static Optional<Target> cpuAt32(List<WriteLoop> loops) {
        Optional<WriteLoop> create = find(loops, WriteShape.CREATE, 32);
        Optional<WriteLoop> update = find(loops, WriteShape.UPDATE, 32);
        if (create.isEmpty() || update.isEmpty()) {
            return Optional.empty();
        }
        List<WriteLoop> both = List.of(create.get(), update.get());
        boolean met = both.stream().allMatch(loop -> loop.cpu().complete()
                && loop.cpu().total() <= CPU_MS_AT_32);
        String measured = "create " + cpu(create.get().cpu()) + ", update " + cpu(update.get().cpu())
                + find(loops, WriteShape.KEYED_CREATE, 32).map(keyed -> " (with an Idempotency-Key: "
                + cpu(keyed.cpu()) + ")").orElse("");
        return Optional.of(target("CPU per interactive write (create, update) summed over every process at "
                + "concurrency 32 at most 3 ms", measured, met, both));
    }

    private static String cpu(CpuPerOperation cpu) {
        return cpu.complete() ? CpuPerOperation.format(cpu.total()) + " ms"
                : CpuPerOperation.format(cpu.total()) + " ms without " + missing(cpu);
    }

    private static String missing(CpuPerOperation cpu) {
        return String.join(", ", io.contacts.benchmarks.report.StackCpu.PARTS.stream()
                .filter(part -> !cpu.millis().containsKey(part)).toList());
    }

    private static Target noFallbacks(List<WriteLoop> loops) {
        String goal = "every write searchable when answered: none from the read-your-writes fallback";
        if (loops.stream().anyMatch(loop -> loop.fallbacks().isEmpty())) {
            return new Target(goal, "not counted: the command-service exports no "
                    + "contacts.read.your.writes.fallbacks", false);
        }
        long fallbacks = loops.stream().mapToLong(WriteLoop::fallbackCount).sum();
        long writes = loops.stream().mapToLong(loop -> loop.latencies().count()).sum();
        return new Target(goal, fallbacks + " of " + writes + " measured writes", fallbacks == 0);
    }

    /** The figure's target; missed as well when one of its loops had fallbacks. */
    private static Target target(String goal, String measured, boolean met, List<WriteLoop> loops) {
        long fallbacks = loops.stream().mapToLong(loop -> Math.max(0, loop.fallbackCount())).sum();
        return fallbacks == 0 ? new Target(goal, measured, met)
                : new Target(goal, measured + " (" + fallbacks + " writes from the fallback)", false);
    }

    private static Optional<WriteLoop> find(List<WriteLoop> loops, WriteShape shape, int concurrency) {
        return loops.stream().filter(loop -> loop.shape() == shape && loop.concurrency() == concurrency).findFirst();
    }
}
