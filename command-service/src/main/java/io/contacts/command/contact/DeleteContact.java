package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteContact(@TargetAggregateIdentifier String contactId, long accountId) {
}
