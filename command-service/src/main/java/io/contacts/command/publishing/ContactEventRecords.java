package io.contacts.command.publishing;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** A stored event as a Kafka record: keyed by contact id, the contract's JSON body, CloudEvents binary-mode headers. */
final class ContactEventRecords {

    private ContactEventRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, ContactEvent event, DomainEventMessage<?> message) {
        String contactId = message.getAggregateIdentifier();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, contactId, ContactEventJson.write(event));
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, message.getIdentifier());
        add(headers, CloudEventHeaders.TYPE, ContactEventType.of(event).type());
        add(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        add(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()));
        add(headers, CloudEventHeaders.SUBJECT, contactId);
        add(headers, CloudEventHeaders.ACCOUNT_ID, String.valueOf(event.accountId()));
        add(headers, CloudEventHeaders.SEQUENCE, String.valueOf(message.getSequenceNumber()));
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
