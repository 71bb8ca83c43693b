package io.contacts.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of a write in doubt and of a write that lost its key to a concurrent request. Found also when the
 * exception arrives wrapped (by Axon's command gateway), hence ahead of the generic handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyExceptionHandler.class);

    @ExceptionHandler(WriteInDoubtException.class)
    ResponseEntity<Map<String, Object>> inDoubt(WriteInDoubtException e) {
        log.warn("A write is in doubt (PostgreSQL did not answer its COMMIT): {}", e.getCause().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Service unavailable");
        body.put("outcome", "unknown");
        body.put("message", "The write may or may not have been saved. Retry it with the same Idempotency-Key "
                + "(it is then written at most once), or read the resource back before writing it again.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Overwritten by the concurrent request's own answer once it is recorded ({@link IdempotencyFilter}). */
    @ExceptionHandler(KeyTakenException.class)
    ResponseEntity<Map<String, Object>> taken(KeyTakenException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Idempotency-Key in use");
        body.put("message", "A concurrent request with this Idempotency-Key is still running; retry later");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}
