package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** A contact came into existence with these (already normalised) values. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactCreated(long contactId, long accountId, String name, String email, String phoneNumber,
                             String identifier, boolean blocked, Map<String, Object> customAttributes,
                             Map<String, Object> additionalAttributes) implements ContactEvent {

    public ContactCreated {
        customAttributes = customAttributes == null ? Map.of() : customAttributes;
        additionalAttributes = additionalAttributes == null ? Map.of() : additionalAttributes;
    }
}
