package io.contacts.query.projection;

import io.contacts.events.ContactEvent;

import java.time.Instant;

/** An event with its envelope: the contact's sequence number and the time it happened. */
public record EventRecord(ContactEvent event, long sequence, Instant time) {

    public long contactId() {
        return event.contactId();
    }
}
