package io.contacts.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces the contact's labels with these (already cleaned: {@link LabelNames}). */
public record ChangeLabels(@TargetAggregateIdentifier String contactId, long accountId, List<String> labels) {

    public ChangeLabels {
        labels = List.copyOf(labels);
    }
}
