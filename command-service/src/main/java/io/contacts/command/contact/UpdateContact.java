package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Applies the fields sent: scalars replace, attribute hashes shallow-merge, {@code blocked} blocks or unblocks,
 * {@code avatar}, when not null, replaces the avatar, and {@code addLabels} (already cleaned: {@link LabelNames}) are
 * added to the contact's labels (all or nothing).
 */
public record UpdateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges changes,
                            AvatarImage avatar, List<String> addLabels) {

    public UpdateContact {
        addLabels = List.copyOf(addLabels);
    }

    public UpdateContact(String contactId, long accountId, ContactChanges changes) {
        this(contactId, accountId, changes, null, List.of());
    }

    public UpdateContact(String contactId, long accountId, ContactChanges changes, AvatarImage avatar) {
        this(contactId, accountId, changes, avatar, List.of());
    }
}
