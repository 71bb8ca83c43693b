package io.contacts.benchmarks.rebuild;

import io.contacts.benchmarks.report.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildBenchmarkTest {

    @Test
    void theBarIsTenThousandContactsPerSecond() {
        Target met = RebuildBenchmark.target(1_600_000, 160);
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).isEqualTo("10,000 contacts/s (1,600,000 contacts)");
        assertThat(RebuildBenchmark.target(1_600_000, 160.1).met()).isFalse();
    }
}
