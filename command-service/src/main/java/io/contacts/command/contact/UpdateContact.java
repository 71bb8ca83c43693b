package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies the fields sent: scalars replace, attribute hashes shallow-merge, {@code blocked} blocks or unblocks, and
 * {@code avatar}, when not null, replaces the avatar (all or nothing).
 */
public record UpdateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges changes,
                            AvatarImage avatar) {

    public UpdateContact(String contactId, long accountId, ContactChanges changes) {
        this(contactId, accountId, changes, null);
    }
}
