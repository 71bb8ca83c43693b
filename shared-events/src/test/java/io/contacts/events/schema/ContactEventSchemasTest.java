package io.contacts.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.contacts.events.schema.ContactEventSchemas.JSON;
import static io.contacts.events.schema.ContactEventSchemas.node;
import static io.contacts.events.schema.ContactEventSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;

class ContactEventSchemasTest {

    @Test
    void everyTypeShipsADraft202012SchemaOpenAtTheTopLevel() {
        for (ContactEventType type : ContactEventType.values()) {
            assertThat(type.schemaResource()).isEqualTo("schemas/" + type.type() + ".json");
            JsonNode schema = node(type);
            assertThat(schema.path("$schema").asText()).as(type.type())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").asBoolean()).as("new optional fields stay compatible")
                    .isTrue();
            assertThat(schema.path("required").toString()).contains("\"contact_id\"", "\"account_id\"");
        }
    }

    @Test
    void eachSchemaDescribesExactlyThePropertiesItsRecordWrites() {
        assertThat(EventSamples.full()).extracting(ContactEventType::of)
                .containsExactlyInAnyOrder(ContactEventType.values());
        for (ContactEvent event : EventSamples.full()) {
            ContactEventType type = ContactEventType.of(event);
            JsonNode body = body(event);
            JsonNode properties = node(type).path("properties");
            assertThat(names(properties)).as(type.type()).containsExactlyInAnyOrderElementsOf(names(body));
            if (body.has("contact_inbox")) {
                JsonNode link = properties.path("contact_inbox").path("properties");
                assertThat(names(link)).containsExactlyInAnyOrderElementsOf(names(body.get("contact_inbox")));
                assertThat(names(link.path("inbox").path("properties")))
                        .containsExactlyInAnyOrderElementsOf(names(body.get("contact_inbox").get("inbox")));
            }
        }
    }

    @Test
    void realisticBodiesOfEveryTypeValidate() {
        for (ContactEvent event : EventSamples.edges()) {
            byte[] body = ContactEventJson.write(event);
            assertThat(validate(ContactEventType.of(event), body))
                    .as(new String(body, StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aBodyWithoutARequiredFieldIsInvalid() {
        for (ContactEvent event : EventSamples.full()) {
            ContactEventType type = ContactEventType.of(event);
            for (JsonNode required : node(type).path("required")) {
                assertInvalid(type, event, body -> body.remove(required.asText()));
            }
        }
        ContactEvent linked = sample(ContactEventType.INBOX_LINKED);
        assertInvalid(ContactEventType.INBOX_LINKED, linked,
                body -> ((ObjectNode) body.get("contact_inbox")).remove("source_id"));
        assertInvalid(ContactEventType.INBOX_LINKED, linked,
                body -> ((ObjectNode) body.get("contact_inbox").get("inbox")).remove("channel_type"));
    }

    @Test
    void aBodyWithAWronglyTypedFieldIsInvalid() {
        for (ContactEvent event : EventSamples.full()) {
            ContactEventType type = ContactEventType.of(event);
            assertInvalid(type, event, body -> body.put("contact_id", "41"));
            assertInvalid(type, event, body -> body.put("account_id", 3.5));
            assertInvalid(type, event, body -> body.putNull("account_id"));
        }
        assertInvalid(ContactEventType.CREATED, sample(ContactEventType.CREATED), body -> body.put("blocked", "no"));
        assertInvalid(ContactEventType.CREATED, sample(ContactEventType.CREATED), body -> body.put("email", 7));
        assertInvalid(ContactEventType.CREATED, sample(ContactEventType.CREATED),
                body -> body.putArray("custom_attributes"));
        assertInvalid(ContactEventType.CREATED, sample(ContactEventType.CREATED),
                body -> body.putNull("custom_attributes"));
        assertInvalid(ContactEventType.LABELS_CHANGED, sample(ContactEventType.LABELS_CHANGED),
                body -> body.put("labels", "vip"));
        assertInvalid(ContactEventType.LABELS_CHANGED, sample(ContactEventType.LABELS_CHANGED),
                body -> body.putArray("labels").add("vip").add("vip"));
        assertInvalid(ContactEventType.CUSTOM_ATTRIBUTES_REMOVED, sample(ContactEventType.CUSTOM_ATTRIBUTES_REMOVED),
                body -> body.putArray("keys").add(1));
        assertInvalid(ContactEventType.INBOX_LINKED, sample(ContactEventType.INBOX_LINKED),
                body -> ((ObjectNode) body.get("contact_inbox").get("inbox")).put("id", "9"));
        assertInvalid(ContactEventType.AVATAR_CHANGED, sample(ContactEventType.AVATAR_CHANGED),
                body -> body.putNull("avatar_key"));
    }

    @Test
    void anUpdateNamesWhatItChangesAndNeverWritesNull() {
        ContactEvent updated = sample(ContactEventType.UPDATED);
        assertInvalid(ContactEventType.UPDATED, updated, body -> body.putNull("name"));
        assertInvalid(ContactEventType.UPDATED, updated, body -> body.putArray("changed_fields").add("blocked"));
        assertInvalid(ContactEventType.UPDATED, updated, body -> body.putArray("changed_fields").add("email"));
        assertInvalid(ContactEventType.UPDATED, updated, body -> body.putArray("changed_fields").add("name").add("name"));
    }

    @Test
    void newOptionalFieldsValidate() {
        for (ContactEvent event : EventSamples.full()) {
            ObjectNode body = (ObjectNode) body(event);
            body.put("added_in_a_later_version", "x");
            assertThat(validate(ContactEventType.of(event), bytes(body))).isEmpty();
        }
    }

    private static void assertInvalid(ContactEventType type, ContactEvent event, Consumer<ObjectNode> breakIt) {
        ObjectNode body = (ObjectNode) body(event);
        breakIt.accept(body);
        assertThat(validate(type, bytes(body))).as("%s must reject %s", type.type(), body).isNotEmpty();
    }

    private static ContactEvent sample(ContactEventType type) {
        return EventSamples.full().stream().filter(e -> ContactEventType.of(e) == type).findFirst().orElseThrow();
    }

    private static JsonNode body(ContactEvent event) {
        try {
            return JSON.readTree(ContactEventJson.write(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
