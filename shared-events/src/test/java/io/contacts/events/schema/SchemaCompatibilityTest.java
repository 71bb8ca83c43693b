package io.contacts.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import static io.contacts.events.schema.ContactEventSchemas.JSON;
import static io.contacts.events.schema.SchemaCompatibility.breakingChanges;
import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself, on synthetic pairs: it must fail on every kind of break and pass on a new optional field. */
class SchemaCompatibilityTest {

    private static final String RELEASED = """
            {"type": "object", "additionalProperties": true, "required": ["id", "tags", "link"],
             "properties": {
               "id": {"type": "integer"},
               "name": {"type": ["string", "null"]},
               "kind": {"type": "string", "enum": ["a", "b"]},
               "tags": {"type": "array", "items": {"type": "string"}},
               "link": {"type": "object", "required": ["source"],
                        "properties": {"source": {"type": "string"}, "verified": {"type": "boolean"}}}}}
            """;

    @Test
    void anIdenticalSchemaIsCompatible() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED))).isEmpty();
    }

    @Test
    void aNewOptionalFieldPasses() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"properties\": {\n",
                "\"properties\": {\"nickname\": {\"type\": \"string\"},\n")))).isEmpty();
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"verified\": {\"type\": \"boolean\"}",
                "\"verified\": {\"type\": \"boolean\"}, \"at\": {\"type\": \"integer\"}")))).isEmpty();
    }

    @Test
    void anAddedEnumValuePasses() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("[\"a\", \"b\"]", "[\"a\", \"b\", \"c\"]"))))
                .isEmpty();
    }

    @Test
    void aRemovedFieldFails() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"name\": {\"type\": [\"string\", \"null\"]},", ""))))
                .containsExactly("$.name removed");
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace(", \"verified\": {\"type\": \"boolean\"}", ""))))
                .containsExactly("$.link.verified removed");
    }

    @Test
    void aRetypedFieldFails() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"id\": {\"type\": \"integer\"}",
                "\"id\": {\"type\": \"string\"}")))).containsExactly("$.id retyped from [integer] to [string]");
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("[\"string\", \"null\"]", "\"string\""))))
                .containsExactly("$.name retyped from [null, string] to [string]");
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"items\": {\"type\": \"string\"}",
                "\"items\": {\"type\": \"object\"}")))).containsExactly("$.tags[] retyped from [string] to [object]");
    }

    @Test
    void aNewRequiredFieldFails() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED
                .replace("\"properties\": {\n", "\"properties\": {\"nickname\": {\"type\": \"string\"},\n")
                .replace("[\"id\", \"tags\", \"link\"]", "[\"id\", \"tags\", \"link\", \"nickname\"]"))))
                .containsExactly("$.nickname made required");
    }

    @Test
    void anOptionalFieldMadeRequiredOrARequiredOneMadeOptionalFails() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("[\"source\"]", "[\"source\", \"verified\"]"))))
                .containsExactly("$.link.verified made required");
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("[\"id\", \"tags\", \"link\"]", "[\"id\", \"link\"]"))))
                .containsExactly("$.tags no longer required");
    }

    @Test
    void aDroppedEnumValueOrAClosedObjectFails() {
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("[\"a\", \"b\"]", "[\"a\"]"))))
                .containsExactly("$.kind no longer allows [b]");
        assertThat(breakingChanges(json(RELEASED), json(RELEASED.replace("\"additionalProperties\": true",
                "\"additionalProperties\": false")))).containsExactly("$ no longer allows additional properties");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
