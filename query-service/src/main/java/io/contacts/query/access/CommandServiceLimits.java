package io.contacts.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Calls to the command-service: request threads waiting on it at once (a bulkhead; the time limit of each call is
 * {@code spring.http.client.read-timeout}), and the longer limit of a rebuild's page of stored events.
 */
@ConfigurationProperties("contacts.limits.command-service")
public record CommandServiceLimits(int concurrency, Duration rebuildPageTimeout) {
}
