package io.contacts.examples.consumer;

import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEnvelope;
import io.contacts.events.ContactState;
import io.contacts.events.MalformedContactEventException;
import io.contacts.events.UnknownContactEventTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copy of every contact, kept by folding the events of {@code contacts.events.v1}. In memory here: a real
 * subscriber stores each state with its {@code sequence} in its own database, in the transaction that applies it.
 */
public final class ContactBook {

    /** Deleted contacts stay as tombstones, so that a redelivered older event cannot bring one back. */
    private final Map<Long, ContactState> contacts = new HashMap<>();

    /** Applies one record; the contact's new state, or empty when the record changed nothing. */
    public Optional<ContactState> accept(ConsumerRecord<String, byte[]> record) {
        ContactEnvelope envelope;
        try {
            envelope = ContactEnvelope.read(name -> value(record.headers().lastHeader(name)), record.value());
        } catch (UnknownContactEventTypeException e) {
            return Optional.empty(); // a type of a newer contract (e.g. a .v2 beside the .v1 read here)
        } catch (MalformedContactEventException e) {
            // a real subscriber parks it (a dead-letter topic or table) and alerts
            System.err.printf("skipped %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
        ContactState current = contacts.get(envelope.contactId());
        if (current != null && envelope.sequence() <= current.sequence()) {
            return Optional.empty(); // delivered again (at least once): already applied
        }
        if (current == null && !(envelope.event() instanceof ContactCreated)) {
            return Optional.empty(); // history started before our first offset: bootstrap from the beginning
        }
        ContactState next = current == null
                ? ContactState.created((ContactCreated) envelope.event(), envelope.sequence(), envelope.time())
                : current.apply(envelope.event(), envelope.sequence(), envelope.time());
        contacts.put(next.contactId(), next);
        return Optional.of(next);
    }

    /** The contacts that exist (not deleted). */
    public List<ContactState> contacts() {
        return contacts.values().stream().filter(contact -> !contact.deleted()).toList();
    }

    private static byte[] value(Header header) {
        return header == null ? null : header.value();
    }
}
