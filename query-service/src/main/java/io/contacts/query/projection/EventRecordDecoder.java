package io.contacts.query.projection;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactEvent;
import io.contacts.events.json.ContactEventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads a CloudEvents (binary mode) Kafka record of the contract into an {@link EventRecord}. */
final class EventRecordDecoder {

    private EventRecordDecoder() {
    }

    /** @throws MalformedEventException when a header or the body does not follow the contract */
    static EventRecord decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        long sequence = number(record, CloudEventHeaders.SEQUENCE);
        long accountId = number(record, CloudEventHeaders.ACCOUNT_ID);
        String time = header(record, CloudEventHeaders.TIME);
        if (record.value() == null) {
            throw new MalformedEventException("no body");
        }
        ContactEvent event;
        try {
            event = ContactEventJson.read(type, record.value());
        } catch (RuntimeException e) {
            throw new MalformedEventException(e.getMessage());
        }
        if (event.accountId() != accountId) {
            throw new MalformedEventException("body account " + event.accountId() + " differs from "
                    + CloudEventHeaders.ACCOUNT_ID + " " + accountId);
        }
        try {
            return new EventRecord(event, sequence, OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(CloudEventHeaders.TIME + " is not RFC 3339: " + time);
        }
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedEventException(name + " is not a number: " + value);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException("no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message);
        }
    }
}
