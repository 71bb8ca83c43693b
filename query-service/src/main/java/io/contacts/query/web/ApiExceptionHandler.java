package io.contacts.query.web;

import io.contacts.query.contact.ContactNotFoundException;
import io.contacts.query.contact.DeepPageBusyException;
import io.contacts.query.search.BlankSearchTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/** Every error this service gives is JSON {@code {"error": "..."}} with Chatwoot's status; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<Map<String, String>> contactNotFound(ContactNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BlankSearchTextException.class)
    ResponseEntity<Map<String, String>> blankSearch(BlankSearchTextException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    /** Before the generic 503: the client learns when a retry is likely served. */
    @ExceptionHandler(DeepPageBusyException.class)
    ResponseEntity<Map<String, String>> deepPageBusy(DeepPageBusyException e) {
        log.info("Deep page not served now: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ErrorBody.of("Service unavailable"));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(ServiceUnavailableException e) {
        log.warn("Service unavailable: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, String>> noRoute(Exception e) {
        return error(HttpStatus.NOT_FOUND, "Not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    }

    /** A path segment of the wrong type names nothing that exists (an account "abc"). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return error(HttpStatus.NOT_FOUND, "Resource could not be found");
        }
        return error(HttpStatus.BAD_REQUEST, "Parameter " + e.getName() + " is invalid");
    }

    /** The rest of Spring MVC's client errors (unreadable or missing parameters, media types...) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> other(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            String detail = response.getBody().getDetail();
            return ResponseEntity.status(response.getStatusCode())
                    .body(ErrorBody.of(detail == null ? "Bad request" : detail));
        }
        log.error("Unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ErrorBody.of(message));
    }
}
