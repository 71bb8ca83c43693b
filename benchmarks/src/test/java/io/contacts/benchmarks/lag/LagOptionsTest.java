package io.contacts.benchmarks.lag;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LagOptionsTest {

    @Test
    void byDefaultHalfTheMeasuredMaximumEveryWriteSampledEveryFiveMilliseconds() {
        LagOptions options = LagOptions.parse();
        assertThat(options.rate()).isEmpty();
        assertThat(options.sampleEvery()).isEqualTo(1);
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(options.measuring()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void takesARateASampleAndAPollInterval() {
        LagOptions options = LagOptions.parse("--quick", "--rate", "120", "--sample", "4", "--poll-ms", "2");
        assertThat(options.rate()).hasValue(120);
        assertThat(options.sampleEvery()).isEqualTo(4);
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(2));
        assertThat(options.measuring()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> LagOptions.parse("--rate")).hasMessage("--rate needs a number");
        assertThatThrownBy(() -> LagOptions.parse("-r")).hasMessage("unknown option -r");
    }

    @Test
    void findsTheContactByItsExactEmail() throws Exception {
        var condition = new ObjectMapper().readTree(LagBenchmark.byEmail("w2-000001-7@write.bench.test"))
                .path("payload").get(0);
        assertThat(condition.path("attribute_key").asText()).isEqualTo("email");
        assertThat(condition.path("filter_operator").asText()).isEqualTo("equal_to");
        assertThat(condition.path("values").get(0).asText()).isEqualTo("w2-000001-7@write.bench.test");
    }
}
