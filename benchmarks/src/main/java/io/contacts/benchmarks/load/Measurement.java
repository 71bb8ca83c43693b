package io.contacts.benchmarks.load;

import java.util.List;

/** A measured loop: its latencies and how many requests completed in each second of it. */
public record Measurement(Latencies latencies, List<Long> perSecond) {
}
