package io.contacts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;
import java.util.Set;

/**
 * Some fields of a contact changed. Only the fields named in {@code changedFields} are meaningful: a scalar named
 * there with a null value was cleared. {@code customAttributes} / {@code additionalAttributes} hold only the keys
 * that were set (shallow merge into the existing hash); keys not present are unchanged.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactUpdated(long contactId, long accountId, Set<String> changedFields, String name, String email,
                             String phoneNumber, String identifier, Map<String, Object> customAttributes,
                             Map<String, Object> additionalAttributes) implements ContactEvent {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String IDENTIFIER = "identifier";
    public static final String CUSTOM_ATTRIBUTES = "custom_attributes";
    public static final String ADDITIONAL_ATTRIBUTES = "additional_attributes";

    public ContactUpdated {
        changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
    }

    public boolean changed(String field) {
        return changedFields.contains(field);
    }
}
