package io.contacts.query.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresenceWindowTest {

    private final PresenceWindow window = new PresenceWindow(Duration.ofSeconds(20));
    private final Instant now = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void aHeartbeatWithinTheWindowIsOnline() {
        assertThat(window.isOnline(now.toEpochMilli(), now)).isTrue();
        assertThat(window.isOnline(now.minusSeconds(20).plusMillis(1).toEpochMilli(), now)).isTrue();
    }

    @Test
    void aHeartbeatExactlyAsOldAsTheWindowIsOfflineAsChatwootsStrictComparison() {
        assertThat(window.isOnline(now.minusSeconds(20).toEpochMilli(), now)).isFalse();
        assertThat(window.isOnline(now.minusSeconds(60).toEpochMilli(), now)).isFalse();
    }

    @Test
    void theListQueryUsesTheSameBoundary() {
        assertThat(window.onlineAfterMillis(now)).isEqualTo(now.minusSeconds(20).toEpochMilli());
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new PresenceWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceWindow(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
