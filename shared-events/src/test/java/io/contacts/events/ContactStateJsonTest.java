package io.contacts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.contacts.events.json.ContactEventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The state topic's value: written and read back with one call each, and valid against its shipped schema. */
class ContactStateJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Instant UPDATED = Instant.parse("2026-11-25T11:00:00Z");

    private static ContactState full() {
        ContactState state = ContactState.created(new ContactCreated(7, 1, "Ada", "ada@example.com", "+4912345",
                "ext-1", false, Map.of("plan", "gold", "seats", 12), Map.of("city", "Berlin")), 0, CREATED);
        state = state.apply(new ContactLabelsChanged(7, 1, List.of("vip", "beta")), 1, CREATED);
        state = state.apply(new ContactInboxLinked(7, 1, new ContactInbox("src-1", true,
                new InboxSummary(2, "Web", "Channel::WebWidget", 20, null, ""))), 2, CREATED);
        state = state.apply(new ContactAvatarChanged(7, 1, "k3y"), 3, CREATED);
        return state.apply(new ContactBlocked(7, 1), 4, UPDATED);
    }

    private static ContactState sparse() {
        return ContactState.created(new ContactCreated(8, 1, null, null, null, null, false, null, null), 0, CREATED)
                .apply(new ContactUpdated(8, 1, Set.of(ContactUpdated.NAME), "Bo", null, null, null, null, null),
                        1, UPDATED);
    }

    private static Schema schema(String resource) throws IOException {
        try (InputStream in = ContactStateJsonTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void roundTripsWithOneCallEachWay() {
        for (ContactState state : List.of(full(), sparse())) {
            assertThat(ContactEventJson.readState(ContactEventJson.writeState(state))).isEqualTo(state);
        }
        assertThat(ContactEventJson.readState(null)).isNull();
    }

    @Test
    void usesSnakeCaseAndIsoInstants() throws IOException {
        JsonNode json = JSON.readTree(ContactEventJson.writeState(full()));
        assertThat(json.path("created_at").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(json.path("updated_at").asText()).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(json.path("phone_number").asText()).isEqualTo("+4912345");
        assertThat(json.path("contact_inboxes").get(0).path("inbox").path("channel_type").asText())
                .isEqualTo("Channel::WebWidget");
        assertThat(json.path("sequence").asLong()).isEqualTo(4);
        assertThat(JSON.readTree(ContactEventJson.writeState(sparse())).path("email").isNull()).isTrue();
    }

    @Test
    void unknownKeysAreIgnoredSoNewOptionalFieldsDoNotBreakSubscribers() {
        String body = new String(ContactEventJson.writeState(sparse()), StandardCharsets.UTF_8);
        byte[] extended = body.replaceFirst("\\{", "{\"added_later\":1,").getBytes(StandardCharsets.UTF_8);
        assertThat(ContactEventJson.readState(extended)).isEqualTo(sparse());
    }

    @Test
    void samplesAreValidAgainstTheShippedSchemaWhichNamesEveryField() throws IOException {
        Schema schema = schema("/schemas/contact.state.v1.json");
        for (ContactState state : List.of(full(), sparse())) {
            JsonNode json = JSON.readTree(ContactEventJson.writeState(state));
            assertThat(schema.validate(json)).as(json.toString()).isEmpty();
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            List<String> described = new ArrayList<>();
            schema.getSchemaNode().path("properties").fieldNames().forEachRemaining(described::add);
            assertThat(described).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void theSchemaRejectsAWrongType() throws IOException {
        JsonNode json = JSON.readTree(ContactEventJson.writeState(full()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("blocked", "yes");
        assertThat(schema("/schemas/contact.state.v1.json").validate(json)).isNotEmpty();
    }

    @Test
    void theBaselineIsTheShippedSchema() throws IOException {
        try (InputStream shipped = getClass().getResourceAsStream("/schemas/contact.state.v1.json");
             InputStream baseline = getClass().getResourceAsStream("/schema-baseline/contact.state.v1.json")) {
            assertThat(JSON.readTree(baseline)).isEqualTo(JSON.readTree(shipped));
        }
    }
}
