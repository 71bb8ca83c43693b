package io.contacts.query.projection;

import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
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

    /** @throws PoisonEventException (malformed, unknown type) when a header or the body does not follow the contract */
    static EventRecord decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (ContactEventType.byType(type).isEmpty()) {
            throw new PoisonEventException(PoisonEventException.Reason.UNKNOWN_TYPE,
                    "Unknown contact event type: " + type);
        }
        long sequence = number(record, CloudEventHeaders.SEQUENCE);
        long accountId = number(record, CloudEventHeaders.ACCOUNT_ID);
        String time = header(record, CloudEventHeaders.TIME);
        if (record.value() == null) {
            throw malformed("no body");
        }
        ContactEvent event;
        try {
            event = ContactEventJson.read(type, record.value());
        } catch (RuntimeException e) {
            throw malformed(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
        if (event.accountId() != accountId) {
            throw malformed("body account " + event.accountId() + " differs from "
                    + CloudEventHeaders.ACCOUNT_ID + " " + accountId);
        }
        try {
            return new EventRecord(event, sequence, OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            throw malformed(CloudEventHeaders.TIME + " is not RFC 3339: " + time);
        }
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(name + " is not a number: " + value);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw malformed("no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static PoisonEventException malformed(String message) {
        return new PoisonEventException(PoisonEventException.Reason.MALFORMED, message);
    }
}
