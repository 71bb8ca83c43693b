package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates contact {@code contactId} (a number from {@code contact_id_seq}) with the given, normalised values, links it
 * to an inbox when {@code inbox} is not null, gives it {@code avatar} when not null and {@code labels} (already
 * cleaned: {@link LabelNames}) when not empty — all or nothing.
 */
public record CreateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges values,
                            InboxLink inbox, AvatarImage avatar, List<String> labels) {

    public CreateContact {
        labels = List.copyOf(labels);
    }

    public CreateContact(String contactId, long accountId, ContactChanges values) {
        this(contactId, accountId, values, null, null, List.of());
    }

    public CreateContact(String contactId, long accountId, ContactChanges values, InboxLink inbox) {
        this(contactId, accountId, values, inbox, null, List.of());
    }

    public CreateContact(String contactId, long accountId, ContactChanges values, InboxLink inbox,
                         AvatarImage avatar) {
        this(contactId, accountId, values, inbox, avatar, List.of());
    }
}
