package io.contacts.command.idempotency;

import io.contacts.command.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The value of a request's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters (a UUID fits). */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    IdempotencyKey {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "Invalid Idempotency-Key");
            body.put("message", "An Idempotency-Key is 1 to " + MAX_LENGTH
                    + " visible ASCII characters (letters, digits, punctuation; no spaces), e.g. a UUID");
            throw new ApiException(HttpStatus.BAD_REQUEST, body);
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
