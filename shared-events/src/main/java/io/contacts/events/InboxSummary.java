package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The "slim" inbox of Chatwoot's contact JSON: no secrets, no channel configuration. {@code channelType} is
 * Chatwoot's class name (e.g. {@code Channel::Api}); {@code provider} may be null, {@code avatarUrl} is "" if none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InboxSummary(long id, String name, String channelType, long channelId, String provider,
                           String avatarUrl) {
}
