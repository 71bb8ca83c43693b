package io.contacts.query.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.contacts.events.InboxSummary;

/** An inbox the caller may see, as the command-service lists it ({@code medium} only for Twilio). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record VisibleInbox(long id, String name, long channelId, String channelType, String provider, String avatarUrl,
                    String medium) {

    InboxSummary summary() {
        return new InboxSummary(id, name, channelType, channelId, provider, avatarUrl);
    }
}
