package io.contacts.query.exporting;

/** The key's export was requested with another request (path, query or body): a 422, and nothing is started. */
class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was sent with a different request (method, path or body); "
                + "a new request needs a new key");
    }
}
