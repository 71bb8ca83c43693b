package io.contacts.command.web;

import java.util.List;

/** Rendered as 422 {@code {"error":"Validation failed","message":"<messages joined>","attributes":[...]}}. */
public class ValidationFailedException extends RuntimeException {

    private final List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super(String.join(", ", violations.stream().map(Violation::message).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
