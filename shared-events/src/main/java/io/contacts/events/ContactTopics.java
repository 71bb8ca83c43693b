package io.contacts.events;

/** Kafka topics of the contract. Records are keyed by the contact id (decimal string). */
public final class ContactTopics {

    /** Every event of every contact, in order per contact (one partition per key), at least once. */
    public static final String EVENTS = "contacts.events.v1";

    private ContactTopics() {
    }
}
