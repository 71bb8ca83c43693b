package io.contacts.command.publishing;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.ContactState;
import io.contacts.events.ContactTopics;
import io.contacts.events.json.ContactEventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Kafka records of the contract: keyed by contact id, a JSON body, CloudEvents binary-mode headers. */
final class ContactEventRecords {

    private ContactEventRecords() {
    }

    /** A stored event on the events topic; {@code ce_id} is the event's identifier. */
    static ProducerRecord<String, byte[]> of(String topic, ContactEvent event, DomainEventMessage<?> message) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, message.getAggregateIdentifier(), ContactEventJson.write(event));
        addHeaders(record, message.getIdentifier(), ContactEventType.of(event).type(), event.accountId(), message);
        // not part of the contract: tells the projector that a request waits until this event is searchable
        if (message.getMetaData().containsKey(CloudEventHeaders.AWAITED)) {
            add(record.headers(), CloudEventHeaders.AWAITED, "true");
        }
        return record;
    }

    /**
     * A contact's state after {@code last} on the state topic, a tombstone (null value, same headers) when deleted.
     * {@code ce_id} derives from the last event's identifier: the same state sent again has the same id.
     */
    static ProducerRecord<String, byte[]> state(String topic, ContactState state, DomainEventMessage<?> last) {
        byte[] value = state.deleted() ? null : ContactEventJson.writeState(state);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, last.getAggregateIdentifier(), value);
        String id = UUID.nameUUIDFromBytes((ContactTopics.STATE_TYPE + ":" + last.getIdentifier())
                .getBytes(StandardCharsets.UTF_8)).toString();
        addHeaders(record, id, ContactTopics.STATE_TYPE, state.accountId(), last);
        return record;
    }

    private static void addHeaders(ProducerRecord<String, byte[]> record, String id, String type, long accountId,
                                   DomainEventMessage<?> message) {
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        add(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()));
        add(headers, CloudEventHeaders.SUBJECT, message.getAggregateIdentifier());
        add(headers, CloudEventHeaders.ACCOUNT_ID, String.valueOf(accountId));
        add(headers, CloudEventHeaders.SEQUENCE, String.valueOf(message.getSequenceNumber()));
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
