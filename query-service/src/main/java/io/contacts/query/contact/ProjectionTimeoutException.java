package io.contacts.query.contact;

public class ProjectionTimeoutException extends RuntimeException {

    public ProjectionTimeoutException() {
        super("Timed out waiting for the projection");
    }
}
