package io.contacts.events;

/** A message that does not follow the contract (a missing or invalid header, a body that is not the type's JSON). */
public class MalformedContactEventException extends IllegalArgumentException {

    public MalformedContactEventException(String message) {
        super(message);
    }

    public MalformedContactEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
