package io.contacts.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code contacts.idempotency}: how long a key is kept (at least this long; swept after), how often expired keys are
 * swept, and how long after its write a key's answer may still arrive (the read-your-writes wait plus a margin: a
 * key without an answer after that belongs to a request whose answer was lost or in doubt).
 */
@ConfigurationProperties("contacts.idempotency")
record IdempotencyProperties(Duration retention, Duration sweepInterval, Duration answerWindow) {
}
