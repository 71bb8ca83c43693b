package io.contacts.events;

import io.contacts.events.json.ContactEventJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One event as a subscriber receives it: the CloudEvents attributes of the contract and the event itself.
 * {@code (contactId, sequence)} identifies the event across redeliveries; {@code id} is unique per event too.
 */
public record ContactEnvelope(String id, ContactEventType type, long contactId, long accountId, long sequence,
                              Instant time, ContactEvent event) {

    public ContactEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }

    /**
     * Reads a CloudEvents 1.0 binary-mode message (a Kafka record of {@link ContactTopics}) without any Kafka type.
     * With kafka-clients:
     * <pre>{@code
     * ContactEnvelope.read(name -> {
     *     Header h = record.headers().lastHeader(name);
     *     return h == null ? null : h.value();
     * }, record.value());
     * }</pre>
     *
     * @param header the value of a header by name (the last one if repeated), null when absent
     * @param body   the record value: the event's JSON
     * @throws UnknownContactEventTypeException when {@code ce_type} is not a type of this jar's version (skip it)
     * @throws MalformedContactEventException   when a header or the body does not follow the contract
     */
    public static ContactEnvelope read(Function<String, byte[]> header, byte[] body) {
        String specVersion = text(header, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new MalformedContactEventException(CloudEventHeaders.SPEC_VERSION + " is " + specVersion
                    + ", expected " + CloudEventHeaders.SPEC_VERSION_VALUE);
        }
        String typeName = text(header, CloudEventHeaders.TYPE);
        ContactEventType type = ContactEventType.byType(typeName)
                .orElseThrow(() -> new UnknownContactEventTypeException(typeName));
        String id = text(header, CloudEventHeaders.ID);
        long contactId = number(header, CloudEventHeaders.SUBJECT);
        long accountId = number(header, CloudEventHeaders.ACCOUNT_ID);
        long sequence = number(header, CloudEventHeaders.SEQUENCE);
        if (sequence < 0) {
            throw new MalformedContactEventException(CloudEventHeaders.SEQUENCE + " is negative: " + sequence);
        }
        Instant time = time(header);
        if (body == null) {
            throw new MalformedContactEventException("no body for " + typeName + " " + id);
        }
        ContactEvent event;
        try {
            event = ContactEventJson.read(typeName, body);
        } catch (RuntimeException e) {
            throw new MalformedContactEventException("body of " + typeName + " " + id + " is not valid: "
                    + e.getMessage(), e);
        }
        if (event.contactId() != contactId || event.accountId() != accountId) {
            throw new MalformedContactEventException("body names contact " + event.contactId() + " of account "
                    + event.accountId() + ", headers contact " + contactId + " of account " + accountId);
        }
        return new ContactEnvelope(id, type, contactId, accountId, sequence, time, event);
    }

    private static Instant time(Function<String, byte[]> header) {
        String time = text(header, CloudEventHeaders.TIME);
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedContactEventException(CloudEventHeaders.TIME + " is not RFC 3339: " + time, e);
        }
    }

    private static long number(Function<String, byte[]> header, String name) {
        String value = text(header, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedContactEventException(name + " is not a number: " + value, e);
        }
    }

    private static String text(Function<String, byte[]> header, String name) {
        byte[] value = header.apply(name);
        if (value == null || value.length == 0) {
            throw new MalformedContactEventException("no " + name + " header");
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
