package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEnvelope;
import io.contacts.events.ContactEventType;
import io.contacts.events.ContactUpdated;
import io.contacts.events.json.ContactEventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static io.contacts.events.ContactEventType.AVATAR_CHANGED;
import static io.contacts.events.ContactEventType.AVATAR_REMOVED;
import static io.contacts.events.ContactEventType.BLOCKED;
import static io.contacts.events.ContactEventType.CREATED;
import static io.contacts.events.ContactEventType.CUSTOM_ATTRIBUTES_REMOVED;
import static io.contacts.events.ContactEventType.DELETED;
import static io.contacts.events.ContactEventType.INBOX_LINKED;
import static io.contacts.events.ContactEventType.LABELS_CHANGED;
import static io.contacts.events.ContactEventType.UNBLOCKED;
import static io.contacts.events.ContactEventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract, read as another team would: our real {@code contacts.events.v1} consumed with the
 * CloudEvents Java SDK's Kafka deserializer (a client we did not write), every body validated against the JSON Schema
 * of its type shipped in the shared-events jar, and the jar's one-call reader agreeing with the SDK.
 */
class EventsContractIT {

    private static final Edge EDGE = new Edge();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    @Test
    void everyEventOfAnAccountArrivesAsAValidCloudEventInOrderPerContact() {
        Instant start = Instant.now();
        try (EventsTopic<CloudEvent> topic = EventsTopic.from(start, CloudEventDeserializer.class)) {
            Member admin = EDGE.newMember(EDGE.newAccount(), "administrator");
            String name = "Zoë 李 " + unique();
            long full = ok(EDGE.post(contacts(admin), admin.token(), Map.of("name", name,
                    "email", unique() + "@example.com", "phone_number", "+4915112345678",
                    "custom_attributes", Map.of("plan", "gold", "address", Map.of("city", "Köln")),
                    "additional_attributes", Map.of("company_name", "Acme")))).path("payload").path("contact")
                    .path("id").asLong();
            String path = contacts(admin) + "/" + full;
            Map<String, Object> clearEmail = new HashMap<>();
            clearEmail.put("email", null);
            clearEmail.put("name", "Zoe " + unique());
            ok(EDGE.call("PATCH", path, admin.token(), clearEmail));
            ok(EDGE.call("PUT", path, admin.token(), Map.of("blocked", true)));
            ok(EDGE.post(path + "/labels", admin.token(), Map.of("labels", List.of("vip", "größe"))));
            ok(EDGE.post(path + "/destroy_custom_attributes", admin.token(), Map.of("custom_attributes", List.of("plan"))));
            ok(EDGE.multipart("PATCH", path, admin.token(), Map.of(), "avatar", "a.png", "image/png", PNG));
            ok(EDGE.call("DELETE", path + "/avatar", admin.token(), null));
            ok(EDGE.call("PUT", path, admin.token(), Map.of("blocked", false)));
            long inbox = ok(EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                    Map.of("name", "API " + unique(), "channel", Map.of("type", "api")))).path("id").asLong();
            ok(EDGE.post(path + "/contact_inboxes", admin.token(), Map.of("inbox_id", inbox)));
            ok(EDGE.call("DELETE", path, admin.token(), null));
            long blocked = ok(EDGE.post(contacts(admin), admin.token(), Map.of("name", "Blocked " + unique(),
                    "blocked", true))).path("payload").path("contact").path("id").asLong();
            Map<Long, List<ContactEventType>> expected = Map.of(
                    full, List.of(CREATED, UPDATED, BLOCKED, LABELS_CHANGED, CUSTOM_ATTRIBUTES_REMOVED, AVATAR_CHANGED,
                            AVATAR_REMOVED, UNBLOCKED, INBOX_LINKED, DELETED),
                    blocked, List.of(CREATED, BLOCKED));

            List<ConsumerRecord<String, CloudEvent>> records = topic.readAccount(admin.accountId(), 12);

            Map<String, ConsumerRecord<String, CloudEvent>> distinct = new LinkedHashMap<>();
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, CloudEvent> record : records) {
                CloudEvent event = record.value();
                assertAttributes(record, event, admin.accountId(), start);
                ConsumerRecord<String, CloudEvent> first = distinct.putIfAbsent(
                        event.getSubject() + "/" + event.getExtension("sequence"), record);
                if (first == null) {
                    assertThat(ids.add(event.getId())).as("ids are unique per event").isTrue();
                } else {
                    assertThat(event.getId()).as("a redelivery is the same event").isEqualTo(first.value().getId());
                }
            }
            Map<Long, List<ContactEventType>> types = new HashMap<>();
            Map<Long, List<Long>> sequences = new HashMap<>();
            for (ConsumerRecord<String, CloudEvent> record : distinct.values()) {
                ContactEnvelope envelope = ContactEnvelope.read(header -> value(record.headers().lastHeader(header)),
                        record.value().getData().toBytes());
                types.computeIfAbsent(envelope.contactId(), id -> new ArrayList<>()).add(envelope.type());
                sequences.computeIfAbsent(envelope.contactId(), id -> new ArrayList<>()).add(envelope.sequence());
                if (envelope.contactId() == full && envelope.event() instanceof ContactCreated created) {
                    assertThat(created.name()).as("unicode survives").isEqualTo(name);
                    assertThat(created.customAttributes()).containsEntry("address", Map.of("city", "Köln"));
                }
                if (envelope.contactId() == full && envelope.event() instanceof ContactUpdated updated) {
                    assertThat(updated.changedFields()).contains(ContactUpdated.EMAIL, ContactUpdated.NAME);
                    assertThat(updated.email()).as("cleared").isNull();
                }
            }
            assertThat(types).as("per contact, in order").isEqualTo(expected);
            sequences.forEach((contact, numbers) -> assertThat(numbers).as("gapless from 0 for %d", contact)
                    .isEqualTo(LongStream.range(0, numbers.size()).boxed().toList()));
        }
    }

    private static void assertAttributes(ConsumerRecord<String, CloudEvent> record, CloudEvent event, long accountId,
                                         Instant start) {
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getSource()).isEqualTo(URI.create("/contacts/command-service"));
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getSubject()).as("subject = key = contact id").isEqualTo(record.key()).matches("[1-9][0-9]*");
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getTime().toInstant()).isAfterOrEqualTo(start.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames()).contains("accountid", "sequence");
        assertThat(String.valueOf(event.getExtension("accountid"))).isEqualTo(String.valueOf(accountId));
        assertThat(String.valueOf(event.getExtension("sequence"))).matches("0|[1-9][0-9]*");

        ContactEventType type = ContactEventType.byType(event.getType()).orElseThrow(
                () -> new AssertionError("not a type of the contract: " + event.getType()));
        byte[] body = event.getData().toBytes();
        assertThat(schema(type).validate(json(body))).as("%s %s", type.type(), new String(body)).isEmpty();

        ContactEnvelope envelope = ContactEnvelope.read(name -> value(record.headers().lastHeader(name)), body);
        assertThat(envelope).as("the jar's reader agrees with the CloudEvents SDK").isEqualTo(new ContactEnvelope(
                event.getId(), type, Long.parseLong(event.getSubject()), accountId,
                Long.parseLong(String.valueOf(event.getExtension("sequence"))), event.getTime().toInstant(),
                ContactEventJson.read(event.getType(), body)));
    }

    /** The schema of a type, loaded from the shared-events jar as a subscriber would. */
    private static Schema schema(ContactEventType type) {
        try (InputStream in = type.schemaUrl().openStream()) {
            return SCHEMAS.getSchema(Edge.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return Edge.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] value(Header header) {
        return header == null ? null : header.value();
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }
}
