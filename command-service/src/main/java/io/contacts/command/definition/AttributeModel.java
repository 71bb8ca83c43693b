package io.contacts.command.definition;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Chatwoot's {@code attribute_model} enum, read and written as {@link DisplayType} is. */
enum AttributeModel {
    CONVERSATION_ATTRIBUTE, CONTACT_ATTRIBUTE,
    /** Any other name or integer (Chatwoot's company_attribute included): refused by {@link DefinitionRules}. */
    @JsonEnumDefaultValue NOT_LISTED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
