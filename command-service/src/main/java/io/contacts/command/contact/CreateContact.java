package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates contact {@code contactId} (a number from {@code contact_id_seq}) with the given, normalised values, and
 * links it to an inbox when {@code inbox} is not null (all or nothing).
 */
public record CreateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges values,
                            InboxLink inbox) {

    public CreateContact(String contactId, long accountId, ContactChanges values) {
        this(contactId, accountId, values, null);
    }
}
