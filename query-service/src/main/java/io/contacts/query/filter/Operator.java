package io.contacts.query.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The filter operators of reference section 5.3. */
public enum Operator {
    EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN, IS_PRESENT, IS_NOT_PRESENT, IS_GREATER_THAN, IS_LESS_THAN,
    DAYS_BEFORE, STARTS_WITH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exactly as sent ({@code "eq"} or {@code "EQUAL_TO"} is no operator). */
    static Optional<Operator> of(String wireName) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(wireName)).findFirst();
    }

    boolean needsValues() {
        return this != IS_PRESENT && this != IS_NOT_PRESENT;
    }
}
