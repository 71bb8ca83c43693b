package io.contacts.command.uniqueness;

/** The contact values that are unique per account; {@link #attribute()} is both the API field and the stored kind. */
public enum ClaimKind {
    EMAIL("email"),
    IDENTIFIER("identifier"),
    PHONE_NUMBER("phone_number");

    private final String attribute;

    ClaimKind(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }

    public static ClaimKind of(String attribute) {
        for (ClaimKind kind : values()) {
            if (kind.attribute.equals(attribute)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown claim kind " + attribute);
    }
}
