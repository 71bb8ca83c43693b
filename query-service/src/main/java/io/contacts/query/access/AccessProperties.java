package io.contacts.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the command-service answers access checks, and the longest a granted check is remembered: a removed or
 * re-roled member loses it when the change is announced (docs/account-configuration.md), or after this long when the
 * announcement does not come.
 */
@ConfigurationProperties("contacts.access")
public record AccessProperties(URI commandUrl, Duration cacheTtl, long cacheSize) {
}
