package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BlockContact(@TargetAggregateIdentifier String contactId, long accountId) {
}
