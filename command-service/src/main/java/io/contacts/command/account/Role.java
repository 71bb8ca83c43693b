package io.contacts.command.account;

import java.util.Arrays;
import java.util.Optional;

/** A user's role in an account, as Chatwoot names it. */
public enum Role {
    ADMINISTRATOR("administrator"),
    AGENT("agent");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Role> of(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }
}
