package io.contacts.command.contact;

import io.contacts.events.ContactUpdated;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a create or update request carries. Only the fields named in {@code fields} were sent: for create the
 * others take their defaults, for update they stay as they are. Field names are the API's ({@link ContactUpdated}'s
 * constants and {@link #BLOCKED}). Attribute maps may hold null values (a key sent with null is kept with null).
 */
public record ContactChanges(Set<String> fields, String name, String email, String phoneNumber, String identifier,
                             Boolean blocked, Map<String, Object> customAttributes,
                             Map<String, Object> additionalAttributes) {

    public static final String BLOCKED = "blocked";

    public ContactChanges {
        fields = Set.copyOf(fields);
        customAttributes = frozen(customAttributes);
        additionalAttributes = frozen(additionalAttributes);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
