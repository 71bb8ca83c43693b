package io.contacts.query.projection;

import io.contacts.events.ContactCreated;
import io.contacts.events.ContactState;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds one contact's events (in partition order) into its current document. An event whose sequence the document
 * already has is a redelivery or a stale event and changes nothing, which makes the projection idempotent.
 */
final class ContactFold {

    private ContactFold() {
    }

    /**
     * @param document the new document, or null when nothing changed
     * @param applied the events folded into the document
     * @param duplicates events already applied
     * @param orphans events for a contact that has no document and that do not create one
     * @param gaps events that skipped sequence numbers (applied anyway; earlier events were lost upstream)
     */
    record Folded(ContactDocument document, List<EventRecord> applied, int duplicates, List<EventRecord> orphans,
                  int gaps) {
    }

    static Folded fold(ContactDocument current, List<EventRecord> events) {
        ContactState state = current == null ? null : current.toState();
        int duplicates = 0;
        int gaps = 0;
        List<EventRecord> orphans = new ArrayList<>();
        List<EventRecord> applied = new ArrayList<>();
        for (EventRecord record : events) {
            if (state == null) {
                if (record.event() instanceof ContactCreated created) {
                    state = ContactState.created(created, record.sequence(), record.time());
                    applied.add(record);
                } else {
                    orphans.add(record);
                }
            } else if (record.sequence() <= state.sequence()) {
                duplicates++;
            } else {
                if (record.sequence() > state.sequence() + 1) {
                    gaps++;
                }
                state = state.apply(record.event(), record.sequence(), record.time());
                applied.add(record);
            }
        }
        ContactDocument document = !applied.isEmpty()
                ? ContactDocument.of(state, current == null ? null : current.lastActivityAt())
                : null;
        return new Folded(document, applied, duplicates, orphans, gaps);
    }
}
