package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the contact's avatar with an image fetched from its {@code avatar_url}. */
public record ChangeAvatar(@TargetAggregateIdentifier String contactId, long accountId, AvatarImage avatar) {
}
