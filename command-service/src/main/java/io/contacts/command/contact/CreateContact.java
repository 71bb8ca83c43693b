package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates contact {@code contactId} (a number from {@code contact_id_seq}) with the given, normalised values. */
public record CreateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges values) {
}
