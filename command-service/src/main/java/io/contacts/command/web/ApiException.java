package io.contacts.command.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A request that ends with this status and JSON body (Chatwoot's {@code {"error": ...}} unless given otherwise). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> body;

    public ApiException(HttpStatus status, String error) {
        this(status, Map.of("error", error));
    }

    public ApiException(HttpStatus status, Map<String, Object> body) {
        super(String.valueOf(body.get("error")));
        this.status = status;
        this.body = body;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** Headers the answer carries besides the body's. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
