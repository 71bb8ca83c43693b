package io.contacts.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the command-service answers access checks, and how long a granted check is remembered (a revoked token or
 * membership keeps working on reads for at most that long).
 */
@ConfigurationProperties("contacts.access")
public record AccessProperties(URI commandUrl, Duration cacheTtl, long cacheSize) {
}
