package io.contacts.query.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Read-your-writes waits: how long a caller waits when it names no timeout, and the most it may ask for.
 */
@ConfigurationProperties("contacts.await")
public record AwaitProperties(Duration defaultTimeout, Duration maxTimeout) {

    /** The wait a caller asked for ({@code timeoutMs}, null for the default), at most the longest allowed. */
    public Duration bounded(Long timeoutMs) {
        if (timeoutMs == null) {
            return defaultTimeout;
        }
        Duration asked = Duration.ofMillis(Math.max(0, timeoutMs));
        return asked.compareTo(maxTimeout) > 0 ? maxTimeout : asked;
    }
}
