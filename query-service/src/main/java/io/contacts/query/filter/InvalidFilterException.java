package io.contacts.query.filter;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.stream.Collectors;

/** A filter Chatwoot rejects: 422 {@code {"error": "<text>"}} with Chatwoot's texts (reference section 5.7). */
public class InvalidFilterException extends ResponseStatusException {

    public InvalidFilterException(String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, message);
    }

    static InvalidFilterException operator(String key, List<Operator> allowed) {
        return new InvalidFilterException("Invalid operator. The allowed operators for " + key + " are ["
                + allowed.stream().map(Operator::wireName).collect(Collectors.joining(",")) + "].");
    }

    static InvalidFilterException value(String key) {
        return new InvalidFilterException("Invalid value. The values provided for " + key + " are invalid");
    }

    static InvalidFilterException attribute(String key) {
        return new InvalidFilterException("Invalid attribute key - [" + key + "]. The key should be one of ["
                + String.join(",", StandardKey.wireNames())
                + "] or a custom attribute defined in the account.");
    }

    static InvalidFilterException queryOperator() {
        return new InvalidFilterException("Query operator must be either \"AND\" or \"OR\".");
    }

    @Override
    public String getMessage() {
        return getReason();
    }
}
