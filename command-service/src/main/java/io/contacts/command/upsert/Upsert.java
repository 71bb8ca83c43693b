package io.contacts.command.upsert;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactUpdated;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One contact to create or update (a row of a CSV import, an item of a batch upsert): its normalised changes and the
 * labels it adds, or the violations that refuse it before any matching.
 */
public interface Upsert {

    ContactChanges changes();

    List<String> labels();

    List<Violation> violations();

    default boolean isRejected() {
        return !violations().isEmpty();
    }

    /** The unique values it sets, by kind (a value sent as null or blank clears, and matches nothing). */
    default Map<ClaimKind, String> keys() {
        Map<ClaimKind, String> keys = new EnumMap<>(ClaimKind.class);
        ContactChanges changes = changes();
        if (changes.has(ContactUpdated.IDENTIFIER) && changes.identifier() != null) {
            keys.put(ClaimKind.IDENTIFIER, changes.identifier());
        }
        if (changes.has(ContactUpdated.EMAIL) && changes.email() != null) {
            keys.put(ClaimKind.EMAIL, changes.email());
        }
        if (changes.has(ContactUpdated.PHONE_NUMBER) && changes.phoneNumber() != null) {
            keys.put(ClaimKind.PHONE_NUMBER, changes.phoneNumber());
        }
        return keys;
    }
}
