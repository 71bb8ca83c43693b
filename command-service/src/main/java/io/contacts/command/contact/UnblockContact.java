package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnblockContact(@TargetAggregateIdentifier String contactId, long accountId) {
}
