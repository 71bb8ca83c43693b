package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies the fields sent: scalars replace, attribute hashes shallow-merge, {@code blocked} blocks or unblocks. */
public record UpdateContact(@TargetAggregateIdentifier String contactId, long accountId, ContactChanges changes) {
}
