package io.contacts.command.account;

import io.contacts.command.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 for a client address over its limit of failed authentications, with the seconds until it may try again. */
class TooManyFailedAuthentications extends ApiException {

    private final long retryAfterSeconds;

    TooManyFailedAuthentications(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many failed authentication attempts");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return headers;
    }
}
