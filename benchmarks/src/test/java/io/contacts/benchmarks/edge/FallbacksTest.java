package io.contacts.benchmarks.edge;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FallbacksTest {

    private static final String SCRAPE = """
            # HELP contacts_read_your_writes_fallbacks_total Writes answered from the command side
            # TYPE contacts_read_your_writes_fallbacks_total counter
            contacts_read_your_writes_fallbacks_total{application="command-service",reason="busy"} 0.0
            contacts_read_your_writes_fallbacks_total{application="command-service",reason="failed"} 2.0
            contacts_read_your_writes_fallbacks_total{reason="timeout"} 7.0
            contacts_published_events_total{topic="contacts.events.v1",type="contact.created.v1"} 12.0
            """;

    @Test
    void readsTheCounterByReasonWhateverOtherTags() {
        assertThat(Fallbacks.parse(SCRAPE)).contains(Map.of("busy", 0L, "failed", 2L, "timeout", 7L));
    }

    @Test
    void aCommandServiceWithoutTheCounterCountsNothing() {
        assertThat(Fallbacks.parse("contacts_published_events_total{topic=\"t\",type=\"x\"} 12.0\n")).isEmpty();
    }

    @Test
    void theLoopsFallbacksAreTheDifferenceLeavingOutReasonsWithoutAny() {
        Optional<Map<String, Long>> before = Optional.of(Map.of("busy", 0L, "failed", 2L, "timeout", 7L));
        Optional<Map<String, Long>> after = Optional.of(Map.of("busy", 0L, "failed", 2L, "timeout", 10L));
        assertThat(Fallbacks.between(before, after)).contains(Map.of("timeout", 3L));
        assertThat(Fallbacks.between(before, before)).contains(Map.of());
        assertThat(Fallbacks.between(Optional.empty(), after)).isEmpty();
    }
}
