package io.contacts.benchmarks.batch;

import io.contacts.benchmarks.report.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchBenchmarkTest {

    @Test
    void theBarHoldsAtFourThousandContactsPerSecondWithAMillionStored() {
        Target target = BatchBenchmark.target(4000, 1_000_000, 0, 0, 0);
        assertThat(target.met()).isTrue();
        assertThat(target.measured()).isEqualTo("4,000 contacts/s (1,000,000 stored before)");
        assertThat(BatchBenchmark.target(3999, 1_000_000, 0, 0, 0).met()).isFalse();
    }

    @Test
    void fewerStoredFailedItemsFallbacksOrContactsNotYetSearchableMissIt() {
        assertThat(BatchBenchmark.target(9000, 999_999, 0, 0, 0).measured())
                .contains("the bar is at 1,000,000 stored");
        Target failed = BatchBenchmark.target(9000, 1_000_000, 2, 0, 0);
        assertThat(failed.met()).isFalse();
        assertThat(failed.measured()).contains("2 items failed");
        Target fallbacks = BatchBenchmark.target(9000, 1_000_000, 0, 3, 0);
        assertThat(fallbacks.met()).isFalse();
        assertThat(fallbacks.measured()).contains("3 answered from the read-your-writes fallback");
        Target uncounted = BatchBenchmark.target(9000, 1_000_000, 0, -1, 0);
        assertThat(uncounted.met()).isFalse();
        assertThat(uncounted.measured()).contains("fallbacks not counted");
        Target missed = BatchBenchmark.target(9000, 1_000_000, 0, 0, 1);
        assertThat(missed.met()).isFalse();
        assertThat(missed.measured()).contains("1 sampled contacts not searchable when their batch answered");
    }
}
