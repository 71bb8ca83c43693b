package io.contacts.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON body of each event type: snake_case keys, unknown keys ignored so that new optional fields are safe. */
public final class ContactEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
}
