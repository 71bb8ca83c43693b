package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Removes these keys from the contact's custom attributes; keys it does not have are ignored. */
public record RemoveCustomAttributes(@TargetAggregateIdentifier String contactId, long accountId, List<String> keys) {

    public RemoveCustomAttributes {
        keys = List.copyOf(keys);
    }
}
