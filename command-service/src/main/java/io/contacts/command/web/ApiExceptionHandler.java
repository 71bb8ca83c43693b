package io.contacts.command.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one place where failures become JSON: Chatwoot's status codes and shapes, never a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(e.body());
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<Map<String, Object>> validation(ValidationFailedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Validation failed");
        body.put("message", e.getMessage());
        body.put("attributes", e.violations().stream().map(Violation::attribute).distinct().toList());
        return ResponseEntity.unprocessableEntity().body(body);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        if (e instanceof ErrorResponse) {
            return other(e);
        }
        return error(HttpStatus.BAD_REQUEST, "Malformed multipart request");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        // Spring MVC's own failures: unknown route, method not allowed, unsupported media type, bad parameter...
        if (e instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            return error(response.getStatusCode(), JsonErrors.describe(response.getStatusCode()));
        }
        if (DatabaseOutage.isCauseOf(e)) {
            log.warn("PostgreSQL is unavailable: {}", e.toString());
            return error(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
        }
        log.error("Unexpected failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatusCode status, String error) {
        return ResponseEntity.status(status).body(Map.of("error", error));
    }
}
