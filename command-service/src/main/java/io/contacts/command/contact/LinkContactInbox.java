package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finds or creates the contact's link to an inbox under the link's source id (derived when none is given). */
public record LinkContactInbox(@TargetAggregateIdentifier String contactId, long accountId, InboxLink link) {
}
