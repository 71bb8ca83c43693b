package io.contacts.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.contacts.events.ContactEventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shipped schemas, loaded as a subscriber would: from the jar, by event type. */
final class ContactEventSchemas {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<ContactEventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContactEventSchemas() {
    }

    static JsonNode node(ContactEventType type) {
        try (InputStream in = type.schemaUrl().openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> validate(ContactEventType type, byte[] body) {
        Schema schema = SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(node(t)));
        try {
            return schema.validate(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
