package io.contacts.query.filter;

import java.util.Optional;

/** How a custom attribute compares, by its definition's display type (reference 5.5). */
public enum CustomType {
    /** text, link, list: case-insensitive text */
    TEXT("text"),
    /** number, currency, percent */
    NUMBER("number"),
    /** compared as calendar days */
    DATE("date"),
    /** checkbox */
    BOOLEAN("bool");

    private final String column;

    CustomType(String column) {
        this.column = column;
    }

    /** The field of a {@code custom_values} entry holding the value read as this type. */
    public String column() {
        return column;
    }

    public static Optional<CustomType> ofDisplayType(String displayType) {
        if (displayType == null) {
            return Optional.empty();
        }
        switch (displayType) {
            case "text", "link", "list":
                return Optional.of(TEXT);
            case "number", "currency", "percent":
                return Optional.of(NUMBER);
            case "date":
                return Optional.of(DATE);
            case "checkbox":
                return Optional.of(BOOLEAN);
            default:
                return Optional.empty();
        }
    }
}
