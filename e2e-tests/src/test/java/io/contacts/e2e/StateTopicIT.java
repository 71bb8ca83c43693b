package io.contacts.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactState;
import io.contacts.events.ContactTopics;
import io.contacts.events.json.ContactEventJson;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new subscriber bootstraps from the compacted state topic alone: read from the beginning, tombstones applied, it
 * holds exactly the contacts the API lists for the account, field for field.
 */
class StateTopicIT {

    private static final Edge EDGE = new Edge();

    /** The fields both sides carry; labels sorted (the API lists them by name). */
    record Contact(long id, String name, String email, String phoneNumber, String identifier, boolean blocked,
                   Map<String, Object> customAttributes, Map<String, Object> additionalAttributes,
                   List<String> labels) {
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    private static long create(Member admin, Map<String, Object> fields) {
        return ok(EDGE.post(contacts(admin), admin.token(), fields)).body().path("payload").path("contact")
                .path("id").asLong();
    }

    private static void labels(Member admin, long id, List<String> labels) {
        ok(EDGE.post(contacts(admin) + "/" + id + "/labels", admin.token(), Map.of("labels", labels)));
    }

    private static Map<String, Object> map(JsonNode json) {
        return Edge.JSON.convertValue(json, new TypeReference<>() {
        });
    }

    private static String text(JsonNode json) {
        return json.isNull() || json.isMissingNode() ? null : json.asText();
    }

    /** Every page of GET /contacts, each contact with its labels. */
    private static Map<Long, Contact> listed(Member admin) {
        Map<Long, Contact> listed = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode payload = ok(EDGE.get(contacts(admin) + "?per_page=2&page=" + page, admin.token())).body()
                    .path("payload");
            if (payload.isEmpty()) {
                return listed;
            }
            for (JsonNode c : payload) {
                long id = c.path("id").asLong();
                List<String> labels = Edge.JSON.convertValue(ok(EDGE.get(contacts(admin) + "/" + id + "/labels",
                        admin.token())).body().path("payload"), new TypeReference<>() {
                        });
                listed.put(id, new Contact(id, text(c.path("name")), text(c.path("email")),
                        text(c.path("phone_number")), text(c.path("identifier")), c.path("blocked").asBoolean(),
                        map(c.path("custom_attributes")), map(c.path("additional_attributes")),
                        labels.stream().sorted().toList()));
            }
        }
    }

    private static Contact of(ContactState s) {
        return new Contact(s.contactId(), s.name(), s.email(), s.phoneNumber(), s.identifier(), s.blocked(),
                s.customAttributes(), s.additionalAttributes(), s.labels().stream().sorted().toList());
    }

    @Test
    void aConsumerOfTheStateTopicAloneEndsWithExactlyTheListedContacts() {
        Member admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        long inbox = ok(EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                Map.of("name", "Site " + unique(), "channel", Map.of("type", "web_widget")))).body().path("id").asLong();

        long ada = create(admin, Map.of("name", "Ada", "email", "ada-" + unique() + "@example.com",
                "phone_number", "+4915112345678", "identifier", "ext-" + unique(),
                "custom_attributes", Map.of("plan", "gold", "seats", 12),
                "additional_attributes", Map.of("city", "Berlin", "company_name", "Acme")));
        ok(EDGE.call("PATCH", contacts(admin) + "/" + ada, admin.token(),
                Map.of("name", "Ada Lovelace", "custom_attributes", Map.of("plan", "platinum"))));
        labels(admin, ada, List.of("vip", "beta"));

        // every contact has an email, phone number or identifier: Chatwoot lists only such ("resolved") contacts
        long bo = create(admin, Map.of("name", "Bo", "identifier", "bo-" + unique()));
        ok(EDGE.call("PATCH", contacts(admin) + "/" + bo, admin.token(), Map.of("blocked", true)));
        labels(admin, bo, List.of("churned"));
        labels(admin, bo, List.of("spam"));

        long linked = create(admin, Map.of("name", "Linked", "email", "linked-" + unique() + "@example.com",
                "inbox_id", inbox));
        long plain = create(admin, Map.of("name", "Plain",
                "phone_number", "+4930" + (10_000_000 + (long) (Math.random() * 89_999_999))));
        long gone = create(admin, Map.of("name", "Gone", "email", "gone-" + unique() + "@example.com"));
        labels(admin, gone, List.of("vip"));
        ok(EDGE.call("DELETE", contacts(admin) + "/" + gone, admin.token(), null));
        long goneAtOnce = create(admin, Map.of("name", "Gone at once", "identifier", "gone-" + unique()));
        ok(EDGE.call("DELETE", contacts(admin) + "/" + goneAtOnce, admin.token(), null));

        Map<Long, Contact> expected = listed(admin);
        assertThat(expected.keySet()).containsExactlyInAnyOrder(ada, bo, linked, plain);
        assertThat(expected.get(bo).blocked()).isTrue();
        assertThat(expected.get(ada).labels()).containsExactly("beta", "vip");

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(ContactTopics.STATE).stream()
                    .map(p -> new TopicPartition(ContactTopics.STATE, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            String account = String.valueOf(admin.accountId());
            Map<Long, Contact> replica = new HashMap<>();
            Map<Long, ContactState> states = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!account.equals(new String(record.headers().lastHeader(CloudEventHeaders.ACCOUNT_ID).value(),
                            StandardCharsets.UTF_8))) {
                        continue;
                    }
                    long id = Long.parseLong(record.key());
                    ContactState state = ContactEventJson.readState(record.value());
                    if (state == null) {
                        replica.remove(id);
                        states.remove(id);
                    } else {
                        replica.put(id, of(state));
                        states.put(id, state);
                    }
                }
                assertThat(replica).isEqualTo(expected);
            });
            assertThat(states.get(linked).contactInboxes()).extracting(link -> link.inbox().id())
                    .containsExactly(inbox);
            assertThat(states.get(ada).accountId()).isEqualTo(admin.accountId());
        }
    }
}
