package io.contacts.query.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a heartbeat keeps a contact online (chatwoot-reference.md section 10: PRESENCE_DURATION, 20 s by
 * default). Online means the last heartbeat is strictly newer than {@code now - window}, for one contact and for
 * the list alike.
 */
@ConfigurationProperties("contacts.presence")
public record PresenceWindow(Duration window) {

    public PresenceWindow {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("contacts.presence.window must be positive, was " + window);
        }
    }

    public boolean isOnline(long lastSeenMillis, Instant now) {
        return lastSeenMillis > onlineAfterMillis(now);
    }

    /** Heartbeats newer than this (epoch milliseconds) count. */
    public long onlineAfterMillis(Instant now) {
        return now.minus(window).toEpochMilli();
    }
}
