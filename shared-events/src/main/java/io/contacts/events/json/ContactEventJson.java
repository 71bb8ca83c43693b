package io.contacts.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.ContactState;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON body of each event type and of the state topic's values: snake_case keys, instants as ISO-8601 strings,
 * unknown keys ignored so that new optional fields are safe.
 */
public final class ContactEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ContactEventJson() {
    }

    public static byte[] write(ContactEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event, e);
        }
    }

    /** Reads a body of the given CloudEvents type; an unknown type is an error a subscriber should skip or park. */
    public static ContactEvent read(String type, byte[] body) {
        ContactEventType eventType = ContactEventType.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown contact event type: " + type));
        try {
            return MAPPER.readValue(body, eventType.recordClass());
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed " + type + " body", e);
        }
    }

    /** The value of a {@code contacts.state.v1} record (a deleted contact has no value: a tombstone). */
    public static byte[] writeState(ContactState state) {
        try {
            return MAPPER.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the state of contact " + state.contactId(), e);
        }
    }

    /** Reads the value of a {@code contacts.state.v1} record; a tombstone (null) reads as null. */
    public static ContactState readState(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.readValue(value, ContactState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed contact state", e);
        }
    }
}
