package io.contacts.benchmarks.write;

import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.report.CpuPerOperation;

import java.util.Map;
import java.util.Optional;

/**
 * One measured loop of the write benchmark: its latencies, the CPU each part of the stack used per write during it,
 * the writes refused and the writes answered from the read-your-writes fallback (by reason; empty when the
 * command-service does not count them).
 */
record WriteLoop(WriteShape shape, int concurrency, Latencies latencies, CpuPerOperation cpu, long refused,
                 Optional<Map<String, Long>> fallbacks) {

    /** Fallbacks of every reason; -1 when unknown. */
    long fallbackCount() {
        return fallbacks.map(byReason -> byReason.values().stream().mapToLong(Long::longValue).sum()).orElse(-1L);
    }

    String fallbackCell() {
        return fallbacks.isPresent() ? String.valueOf(fallbackCount()) : "-";
    }
}
