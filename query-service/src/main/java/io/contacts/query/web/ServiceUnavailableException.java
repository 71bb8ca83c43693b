package io.contacts.query.web;

/** A backing service (Elasticsearch, the command-service) cannot answer now; the client may retry. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
