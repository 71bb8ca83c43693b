package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The contact's avatar was removed; its thumbnail is empty again. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactAvatarRemoved(long contactId, long accountId) implements ContactEvent {
}
