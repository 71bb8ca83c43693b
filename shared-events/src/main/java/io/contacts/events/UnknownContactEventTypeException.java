package io.contacts.events;

/**
 * A {@code ce_type} this version of the contract does not know, e.g. a {@code .v2} type published alongside the
 * {@code .v1} one you read: skip it (or upgrade this jar to read it).
 */
public class UnknownContactEventTypeException extends MalformedContactEventException {

    private final String type;

    public UnknownContactEventTypeException(String type) {
        super("Unknown contact event type: " + type);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
