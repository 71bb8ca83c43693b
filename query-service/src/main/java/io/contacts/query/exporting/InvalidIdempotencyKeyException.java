package io.contacts.query.exporting;

/** A malformed or repeated {@code Idempotency-Key} header: a 400, and nothing is started. */
class InvalidIdempotencyKeyException extends RuntimeException {

    InvalidIdempotencyKeyException(String message) {
        super(message);
    }
}
