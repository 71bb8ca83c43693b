package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The contact has a new avatar image. The bytes are not in the event: {@code avatarKey} names them (served at
 * {@code /avatars/<avatarKey>}); every upload gets a new, unguessable key.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactAvatarChanged(long contactId, long accountId, String avatarKey) implements ContactEvent {
}
