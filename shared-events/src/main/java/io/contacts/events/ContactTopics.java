package io.contacts.events;

/** Kafka topics of the contract. Records are keyed by the contact id (decimal string). */
public final class ContactTopics {

    /** Every event of every contact, in order per contact (one partition per key), at least once. */
    public static final String EVENTS = "contacts.events.v1";

    /**
     * Log-compacted: the full current state of each contact ({@link ContactState}, read it with
     * {@code ContactEventJson.readState}), a null value (tombstone) once the contact is deleted. Read it from the
     * beginning to bootstrap a copy of every contact, then keep reading to follow changes.
     */
    public static final String STATE = "contacts.state.v1";

    /** The CloudEvents {@code type} of every record of {@link #STATE}, tombstones included. */
    public static final String STATE_TYPE = "contact.state.v1";

    private ContactTopics() {
    }
}
