package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The contact can be reached in an inbox under a source id (a new link; an existing one is never re-announced). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactInboxLinked(long contactId, long accountId, ContactInbox contactInbox) implements ContactEvent {
}
