package io.contacts.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a request answers when its key is already on record: the recorded answer (once it is there), a 422 for a
 * different request under the same key, or, for a write whose answer never came (in doubt, or its instance died), a
 * 409 that says it was written.
 */
@Component
class EarlierRequests {

    private static final Duration POLL = Duration.ofMillis(50);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final ObjectMapper mapper;

    EarlierRequests(IdempotencyKeys keys, IdempotencyProperties properties, ObjectMapper mapper) {
        this.keys = keys;
        this.properties = properties;
        this.mapper = mapper;
    }

    /**
     * The answer owed to a request with this key and fingerprint, or empty when no request with the key is on record
     * (the fingerprint, which may read the body, is only taken when one is).
     */
    Optional<StoredAnswer> answer(KeyScope scope, Supplier<byte[]> fingerprint) {
        Optional<KeyRecord> record = keys.find(scope);
        while (record.isPresent()) {
            KeyRecord earlier = record.get();
            if (!MessageDigest.isEqual(earlier.fingerprint(), fingerprint.get())) {
                return Optional.of(json(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                        "This Idempotency-Key was sent with a different request (method, path or body); "
                                + "a new request needs a new key", null));
            }
            if (earlier.answer().isPresent()) {
                return earlier.answer();
            }
            if (earlier.age().compareTo(properties.answerWindow()) >= 0) {
                return Optional.of(json(HttpStatus.CONFLICT, "Idempotency-Key already used",
                        "The request with this Idempotency-Key was written, but its answer was lost; "
                                + "read the resource back instead of writing it again", "committed"));
            }
            // the write committed and its answer (read-your-writes) is on its way
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            record = keys.find(scope);
        }
        return Optional.empty();
    }

    private StoredAnswer json(HttpStatus status, String error, String message, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        body.put("message", message);
        try {
            return new StoredAnswer(status.value(), MediaType.APPLICATION_JSON_VALUE, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
