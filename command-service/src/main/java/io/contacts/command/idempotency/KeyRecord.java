package io.contacts.command.idempotency;

import java.time.Duration;
import java.util.Optional;

/** A stored key: the fingerprint of its request, how long ago its write committed, and its answer once recorded. */
record KeyRecord(byte[] fingerprint, Duration age, Optional<StoredAnswer> answer) {
}
