package io.contacts.command.importing;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactUpdated;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of an import file: the contact changes it asks for and its labels, or why it is rejected.
 * {@code row} keeps the original fields for the failed-records file.
 */
record ImportRow(CsvRecords.Row row, ContactChanges changes, List<String> labels, List<Violation> violations) {

    static ImportRow accepted(CsvRecords.Row row, ContactChanges changes, List<String> labels) {
        return new ImportRow(row, changes, List.copyOf(labels), List.of());
    }

    static ImportRow rejected(CsvRecords.Row row, List<Violation> violations) {
        return new ImportRow(row, null, List.of(), List.copyOf(violations));
    }

    boolean isRejected() {
        return !violations.isEmpty();
    }

    /** The unique values the row sets, by kind. */
    Map<ClaimKind, String> keys() {
        Map<ClaimKind, String> keys = new EnumMap<>(ClaimKind.class);
        if (changes.has(ContactUpdated.IDENTIFIER)) {
            keys.put(ClaimKind.IDENTIFIER, changes.identifier());
        }
        if (changes.has(ContactUpdated.EMAIL)) {
            keys.put(ClaimKind.EMAIL, changes.email());
        }
        if (changes.has(ContactUpdated.PHONE_NUMBER)) {
            keys.put(ClaimKind.PHONE_NUMBER, changes.phoneNumber());
        }
        return keys;
    }

    /** The messages joined, as in Chatwoot's failed-records file. */
    String errors() {
        return String.join(", ", violations.stream().map(Violation::message).toList());
    }
}
