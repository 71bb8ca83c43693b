package io.contacts.command.publishing;

import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states of the contacts one batch touches, each after the batch's last event of that contact. A contact's first
 * event in the batch is folded onto its stored history (read once, and only up to that event: the store may already
 * hold later ones), unless it is the {@link ContactCreated} that starts the history; the batch's next events of that
 * contact are folded onto the state in memory.
 */
final class BatchStates {

    /** A contact's state and the event it is the state after. */
    record Latest(ContactState state, DomainEventMessage<?> message) {
    }

    private final EventStore store;
    private final Map<String, Latest> byContact = new LinkedHashMap<>();

    BatchStates(EventStore store) {
        this.store = store;
    }

    void fold(ContactEvent event, DomainEventMessage<?> message) {
        String contactId = message.getAggregateIdentifier();
        Latest latest = byContact.get(contactId);
        ContactState state;
        if (latest != null) {
            state = latest.state().apply(event, message.getSequenceNumber(), message.getTimestamp());
        } else if (event instanceof ContactCreated created) {
            state = ContactState.created(created, message.getSequenceNumber(), message.getTimestamp());
        } else {
            state = stored(contactId, message.getSequenceNumber());
        }
        byContact.put(contactId, new Latest(state, message));
    }

    Collection<Latest> latest() {
        return byContact.values();
    }

    /** The contact's state after its stored events up to {@code lastSequence}. */
    private ContactState stored(String contactId, long lastSequence) {
        ContactState state = null;
        DomainEventStream events = store.readEvents(contactId, 0);
        while (events.hasNext() && events.peek().getSequenceNumber() <= lastSequence) {
            DomainEventMessage<?> stored = events.next();
            state = fold(state, (ContactEvent) stored.getPayload(), stored.getSequenceNumber(), stored.getTimestamp());
        }
        if (state == null || state.sequence() != lastSequence) {
            throw new IllegalStateException("The event store has no event " + lastSequence + " of contact " + contactId);
        }
        return state;
    }

    private static ContactState fold(ContactState state, ContactEvent event, long sequence, Instant time) {
        return state == null ? ContactState.created((ContactCreated) event, sequence, time)
                : state.apply(event, sequence, time);
    }
}
