package io.contacts.query.contact;

import io.contacts.query.web.ServiceUnavailableException;

import java.time.Duration;

/** A deep page cannot be served within the request's time now, but soon can: the client retries after a while. */
public class DeepPageBusyException extends ServiceUnavailableException {

    private final Duration retryAfter;

    DeepPageBusyException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    /** When a retry is likely to be served (whole seconds, at least one: what {@code Retry-After} carries). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
