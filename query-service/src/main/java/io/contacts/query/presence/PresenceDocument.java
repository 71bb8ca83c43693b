package io.contacts.query.presence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A contact's last heartbeat, as stored in the presence index (docs/internals.md). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record PresenceDocument(long accountId, long contactId, long lastSeenAt) {

    /** One document per contact of an account: heartbeats overwrite it. */
    static String id(long accountId, long contactId) {
        return accountId + "-" + contactId;
    }
}
