package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** These keys were removed from the contact's custom attributes (only keys it had are listed). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomAttributesRemoved(long contactId, long accountId, List<String> keys) implements ContactEvent {

    public CustomAttributesRemoved {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
