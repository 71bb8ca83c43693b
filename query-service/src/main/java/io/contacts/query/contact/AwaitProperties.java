package io.contacts.query.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Read-your-writes waits: how long a caller waits when it names no timeout, and the most it may ask for.
 */
@ConfigurationProperties("contacts.await")
public record AwaitProperties(Duration defaultTimeout, Duration maxTimeout) {
}
