package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the contact's avatar; nothing happens when it has none. */
public record RemoveAvatar(@TargetAggregateIdentifier String contactId, long accountId) {
}
