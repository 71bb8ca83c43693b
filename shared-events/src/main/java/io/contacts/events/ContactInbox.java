package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A contact's address in one inbox: the inbox and the contact's source id there. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactInbox(String sourceId, boolean hmacVerified, InboxSummary inbox) {
}
