package io.contacts.command.importing;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.upsert.Upsert;
import io.contacts.command.web.Violation;

import java.util.List;

/**
 * One data row of an import file: the contact changes it asks for and its labels, or why it is rejected.
 * {@code row} keeps the original fields for the failed-records file.
 */
record ImportRow(CsvRecords.Row row, ContactChanges changes, List<String> labels, List<Violation> violations)
        implements Upsert {

    static ImportRow accepted(CsvRecords.Row row, ContactChanges changes, List<String> labels) {
        return new ImportRow(row, changes, List.copyOf(labels), List.of());
    }

    static ImportRow rejected(CsvRecords.Row row, List<Violation> violations) {
        return new ImportRow(row, null, List.of(), List.copyOf(violations));
    }

    /** The messages joined, as in Chatwoot's failed-records file. */
    String errors() {
        return String.join(", ", violations.stream().map(Violation::message).toList());
    }
}
