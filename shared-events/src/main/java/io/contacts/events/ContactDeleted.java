package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The contact is gone; its email, phone number and identifier are free again. The last event of a contact. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactDeleted(long contactId, long accountId) implements ContactEvent {
}
