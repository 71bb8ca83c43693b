package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates contact {@code contactId} (a number from {@code contact_id_seq}) with the given, normalised values, links it
 * to an inbox when {@code inbox} is not null and gives it {@code avatar} when not null (all or nothing).
 */
public record CreateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges values,
                            InboxLink inbox, AvatarImage avatar) {

    public CreateContact(String contactId, long accountId, ContactChanges values) {
        this(contactId, accountId, values, null, null);
    }

    public CreateContact(String contactId, long accountId, ContactChanges values, InboxLink inbox) {
        this(contactId, accountId, values, inbox, null);
    }
}
