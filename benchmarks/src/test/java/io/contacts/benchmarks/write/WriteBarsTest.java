package io.contacts.benchmarks.write;

import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.StackCpu;
import io.contacts.benchmarks.report.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WriteBarsTest {

    /** Every part at the same share of {@code totalMillis}. */
    private static CpuPerOperation cpu(double totalMillis) {
        Map<String, Double> millis = new LinkedHashMap<>();
        StackCpu.PARTS.forEach(part -> millis.put(part, totalMillis / StackCpu.PARTS.size()));
        return new CpuPerOperation(millis);
    }

    private static WriteLoop loop(WriteShape shape, int concurrency, double perSecond, double p50, double p99,
                                  double cpuMillis, long fallbacks) {
        return new WriteLoop(shape, concurrency, new Latencies(1000, p50, p99, p99, p99, perSecond), cpu(cpuMillis),
                0, Optional.of(fallbacks == 0 ? Map.of() : Map.of("timeout", fallbacks)));
    }

    /** Every shape at every concurrency, each at the bar. */
    private static List<WriteLoop> atTheBars() {
        List<WriteLoop> loops = new ArrayList<>();
        for (int concurrency : WriteOptions.CONCURRENCIES) {
            for (WriteShape shape : WriteShape.values()) {
                loops.add(loop(shape, concurrency, 500, 30, 100, 3, 0));
            }
        }
        return loops;
    }

    private static Target target(List<Target> targets, String start) {
        return targets.stream().filter(target -> target.goal().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void everyBarIsMetAtItsLimit() {
        List<Target> targets = WriteBars.check(atTheBars());
        assertThat(targets).extracting(Target::goal).containsExactly(
                "CPU per interactive write (create, update) summed over every process at concurrency 32 at most 3 ms",
                "at least 500 creates/s at concurrency 64",
                "create p50 sequential (concurrency 1) at most 30 ms",
                "create p99 at concurrency 8 at most 100 ms",
                "every write searchable when answered: none from the read-your-writes fallback");
        assertThat(targets).allMatch(Target::met);
        assertThat(target(targets, "CPU").measured())
                .isEqualTo("create 3.00 ms, update 3.00 ms (with an Idempotency-Key: 3.00 ms)");
    }

    @Test
    void eachBarIsMissedByItsOwnLoop() {
        List<WriteLoop> loops = atTheBars();
        loops.replaceAll(loop -> switch (loop.concurrency()) {
            case 1 -> loop.shape() == WriteShape.CREATE ? loop(WriteShape.CREATE, 1, 20, 30.5, 40, 3, 0) : loop;
            case 8 -> loop.shape() == WriteShape.CREATE ? loop(WriteShape.CREATE, 8, 90, 20, 101, 3, 0) : loop;
            case 32 -> loop.shape() == WriteShape.UPDATE ? loop(WriteShape.UPDATE, 32, 300, 20, 90, 3.01, 0) : loop;
            default -> loop.shape() == WriteShape.CREATE ? loop(WriteShape.CREATE, 64, 499, 20, 90, 3, 0) : loop;
        });
        List<Target> targets = WriteBars.check(loops);
        assertThat(targets).extracting(Target::met).containsExactly(false, false, false, false, true);
        assertThat(target(targets, "CPU").measured()).startsWith("create 3.00 ms, update 3.01 ms");
        assertThat(target(targets, "at least 500").measured()).isEqualTo("499 creates/s");
    }

    @Test
    void theKeyedCreateIsShownButIsNotPartOfTheCpuBar() {
        List<WriteLoop> loops = atTheBars();
        loops.replaceAll(loop -> loop.shape() == WriteShape.KEYED_CREATE && loop.concurrency() == 32
                ? loop(WriteShape.KEYED_CREATE, 32, 300, 20, 90, 4, 0) : loop);
        Target cpu = target(WriteBars.check(loops), "CPU");
        assertThat(cpu.met()).isTrue();
        assertThat(cpu.measured()).endsWith("(with an Idempotency-Key: 4.00 ms)");
    }

    @Test
    void aLoopWithFallbacksMissesItsBarAndTheFallbackTarget() {
        List<WriteLoop> loops = atTheBars();
        loops.replaceAll(loop -> loop.shape() == WriteShape.CREATE && loop.concurrency() == 64
                ? loop(WriteShape.CREATE, 64, 900, 20, 90, 1, 3) : loop);
        List<Target> targets = WriteBars.check(loops);
        Target creates = target(targets, "at least 500");
        assertThat(creates.met()).isFalse();
        assertThat(creates.measured()).isEqualTo("900 creates/s (3 writes from the fallback)");
        Target fallbacks = target(targets, "every write");
        assertThat(fallbacks.met()).isFalse();
        assertThat(fallbacks.measured()).isEqualTo("3 of 12000 measured writes");
    }

    @Test
    void uncountedFallbacksMissTheFallbackTargetOnly() {
        List<WriteLoop> loops = atTheBars();
        loops.replaceAll(loop -> new WriteLoop(loop.shape(), loop.concurrency(), loop.latencies(), loop.cpu(), 0,
                Optional.empty()));
        List<Target> targets = WriteBars.check(loops);
        assertThat(targets.subList(0, 4)).allMatch(Target::met);
        assertThat(target(targets, "every write").met()).isFalse();
        assertThat(target(targets, "every write").measured()).startsWith("not counted");
    }

    @Test
    void theCpuBarNeedsEveryProcess() {
        List<WriteLoop> loops = atTheBars();
        Map<String, Double> withoutNginx = new LinkedHashMap<>(cpu(1).millis());
        withoutNginx.remove("nginx");
        loops.replaceAll(loop -> loop.shape() == WriteShape.CREATE && loop.concurrency() == 32
                ? new WriteLoop(WriteShape.CREATE, 32, loop.latencies(), new CpuPerOperation(withoutNginx), 0,
                Optional.of(Map.of())) : loop);
        Target cpu = target(WriteBars.check(loops), "CPU");
        assertThat(cpu.met()).isFalse();
        assertThat(cpu.measured()).startsWith("create 0.83 ms without nginx");
    }

    @Test
    void barsOfLoopsNotMeasuredAreLeftOut() {
        List<WriteLoop> loops = atTheBars().stream().filter(loop -> loop.concurrency() == 32).toList();
        assertThat(WriteBars.check(loops)).extracting(Target::goal).hasSize(2)
                .allMatch(goal -> goal.startsWith("CPU") || goal.startsWith("every write"));
    }
}
