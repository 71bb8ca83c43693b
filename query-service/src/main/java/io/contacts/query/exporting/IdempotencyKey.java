package io.contacts.query.exporting;

import java.util.List;
import java.util.Optional;

/**
 * The value of an export request's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters (a UUID fits).
 * The rule and its answer are the command-service's (docs/idempotency.md), so a client keys every write alike.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    IdempotencyKey {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidIdempotencyKeyException("An Idempotency-Key is 1 to " + MAX_LENGTH
                    + " visible ASCII characters (letters, digits, punctuation; no spaces), e.g. a UUID");
        }
    }

    /** The header's value, absent when the request has none; a repeated header is refused (which one was meant?). */
    static Optional<IdempotencyKey> of(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyKey(headerValues.size() == 1 ? headerValues.get(0) : ""));
    }
}
