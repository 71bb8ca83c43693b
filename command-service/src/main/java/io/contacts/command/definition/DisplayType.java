package io.contacts.command.definition;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Chatwoot's {@code attribute_display_type} enum. Read as its name or as its integer (the constants are in the order
 * of Chatwoot's enum, so an integer is the ordinal, as Rails' enum casts it); written as its name.
 */
enum DisplayType {
    TEXT, NUMBER, CURRENCY, PERCENT, LINK, DATE, LIST, CHECKBOX,
    /** Any other name or integer: refused by {@link DefinitionRules}, beside the request's other faults. */
    @JsonEnumDefaultValue NOT_LISTED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
