package io.contacts.command.upsert;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.web.Violation;

import java.util.List;

/** One contact of a batch upsert: its normalised changes and the labels it adds, or why it fails before matching. */
record BatchItem(int index, ContactChanges changes, List<String> labels, List<Violation> violations)
        implements Upsert {

    BatchItem {
        labels = List.copyOf(labels);
        violations = List.copyOf(violations);
    }
}
