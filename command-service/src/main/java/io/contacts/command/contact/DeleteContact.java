package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param online whether the query side saw the contact online when the delete was asked (it is refused then) */
public record DeleteContact(@TargetAggregateIdentifier String contactId, long accountId, boolean online) {
}
