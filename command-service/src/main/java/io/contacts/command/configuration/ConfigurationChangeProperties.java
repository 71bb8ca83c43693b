package io.contacts.command.configuration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where account configuration changes are announced, the consumer-group prefix of the query-service instances that
 * must have read an announcement, and how long a configuration write waits for them (docs/internals.md).
 */
@ConfigurationProperties("contacts.configuration")
public record ConfigurationChangeProperties(String topic, String groupPrefix, Duration awaitTimeout,
                                            Duration pollInterval) {
}
