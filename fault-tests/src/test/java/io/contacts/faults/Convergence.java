package io.contacts.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEventType;
import io.contacts.events.ContactState;
import io.contacts.events.ContactTopics;
import io.contacts.events.json.ContactEventJson;
import io.contacts.faults.Api.Member;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares, for every contact of the suite's account, four copies: the client's model of acknowledged writes, the
 * state folded from the event store (PostgreSQL, the truth), the Elasticsearch document and the last value of the
 * compacted state topic; and asks the API for every deleted contact (404).
 */
final class Convergence {

    /** A write the client got acknowledged that the event store does not hold is lost; any other copy that differs
     *  from the event store is divergent. */
    record Report(int contacts, int deleted, List<String> lost, List<String> divergent) {
        boolean converged() {
            return divergent.isEmpty();
        }
    }

    private static final Map<String, ContactEventType> TYPES = Arrays.stream(ContactEventType.values())
            .collect(Collectors.toMap(t -> t.recordClass().getName(), Function.identity()));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ALIAS = "contacts";

    private final Api api;
    private final Member admin;
    private final Map<TopicPartition, Long> stateTopicStart;

    /** Takes the state topic's end offsets now: every record of the suite's contacts comes after them. */
    Convergence(Api api, Member admin) {
        this.api = api;
        this.admin = admin;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            this.stateTopicStart = consumer.endOffsets(partitions(consumer), Duration.ofSeconds(30));
        }
    }

    Report check(List<Model.Contact> contacts) {
        Map<Long, ContactState> folded;
        try (Connection db = DriverManager.getConnection(TestInfrastructure.postgresUrl("contacts"),
                TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())) {
            resolveIds(db, contacts);
            folded = fold(db, contacts.stream().map(c -> c.id).filter(Objects::nonNull).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
        List<String> lost = new ArrayList<>();
        List<String> divergent = new ArrayList<>();
        for (Model.Contact c : contacts) {
            ContactState s = c.id == null ? null : folded.get(c.id);
            if (s == null) {
                lost.add(c + ": not in the event store");
            } else if (c.deleted != s.deleted() || !c.deleted && !(c.name.equals(s.name()) && c.blocked == s.blocked()
                    && c.customAttributes().equals(s.customAttributes())
                    && c.additionalAttributes().equals(s.additionalAttributes())
                    && c.labels.equals(sorted(s.labels())))) {
                lost.add(c + " but the event store folds to " + s);
            }
        }
        Map<Long, JsonNode> documents = documents(folded.keySet());
        Map<Long, byte[]> topic = stateTopic();
        for (ContactState s : folded.values()) {
            JsonNode doc = documents.get(s.contactId());
            if (s.deleted()) {
                if (doc != null && !doc.path("deleted").asBoolean()) {
                    divergent.add("deleted contact " + s.contactId() + " still live in Elasticsearch: " + doc);
                }
                if (!topic.containsKey(s.contactId()) || topic.get(s.contactId()) != null) {
                    divergent.add("deleted contact " + s.contactId() + " has no tombstone as last state record");
                }
                int status = api.call("GET", admin.contacts() + "/" + s.contactId(), admin.token(), null).status();
                if (status != 404) {
                    divergent.add("deleted contact " + s.contactId() + ": GET answered " + status);
                }
                continue;
            }
            String expected = render(s);
            String indexed = doc == null ? "no document" : render(fromDocument(doc));
            if (!expected.equals(indexed)) {
                divergent.add("contact " + s.contactId() + " Elasticsearch " + indexed + " vs event store " + expected);
            }
            byte[] value = topic.get(s.contactId());
            String state = value == null ? "no state record (or a tombstone)"
                    : render(ContactEventJson.readState(value));
            if (!expected.equals(state)) {
                divergent.add("contact " + s.contactId() + " state topic " + state + " vs event store " + expected);
            }
        }
        for (long ghost : accountDocuments()) {
            if (!folded.containsKey(ghost)) {
                divergent.add("contact " + ghost + " is indexed in the account but the client never created it");
            }
        }
        return new Report(folded.size(), (int) folded.values().stream().filter(ContactState::deleted).count(),
                lost, divergent);
    }

    /** The fields every copy carries, in one comparable line (labels sorted: the order is not part of the state). */
    private static String render(ContactState s) {
        return "{id=" + s.contactId() + " account=" + s.accountId() + " seq=" + s.sequence() + " name=" + s.name()
                + " email=" + s.email() + " phone=" + s.phoneNumber() + " identifier=" + s.identifier()
                + " blocked=" + s.blocked() + " custom=" + s.customAttributes() + " additional="
                + s.additionalAttributes() + " labels=" + sorted(s.labels()) + " avatar=" + s.avatarKey()
                + " deleted=" + s.deleted() + "}";
    }

    private static ContactState fromDocument(JsonNode doc) {
        return new ContactState(doc.path("id").asLong(), doc.path("account_id").asLong(), text(doc.path("name")),
                text(doc.path("email")), text(doc.path("phone_number")), text(doc.path("identifier")),
                doc.path("blocked").asBoolean(), map(doc.path("custom_attributes")),
                map(doc.path("additional_attributes")),
                Api.JSON.convertValue(doc.path("labels"), new TypeReference<List<String>>() {
                }), List.of(), null, null, doc.path("sequence").asLong(), doc.path("deleted").asBoolean(),
                text(doc.path("avatar_key")));
    }

    private static List<String> sorted(List<String> labels) {
        return labels.stream().sorted().toList();
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, Object> map(JsonNode node) {
        return node.isObject() ? Api.JSON.convertValue(node, new TypeReference<>() {
        }) : Map.of();
    }

    /** Contacts whose create answer was lost: the email claim names them. */
    private void resolveIds(Connection db, List<Model.Contact> contacts) throws SQLException {
        try (var claim = db.prepareStatement(
                "select contact_id from contact_claims where account_id = ? and kind = 'email' and value = ?")) {
            for (Model.Contact c : contacts) {
                if (c.id == null) {
                    claim.setLong(1, admin.accountId());
                    claim.setString(2, c.email);
                    try (var rows = claim.executeQuery()) {
                        if (rows.next()) {
                            c.id = rows.getLong(1);
                        }
                    }
                }
            }
        }
    }

    /** Each contact's events in sequence order, deserialised as the contract reads them and folded. */
    private static Map<Long, ContactState> fold(Connection db, List<Long> ids) throws SQLException {
        Map<Long, ContactState> states = new HashMap<>();
        try (var events = db.prepareStatement("select aggregateidentifier, sequencenumber, timestamp, payloadtype,"
                + " payload from domainevententry where aggregateidentifier = any(?)"
                + " order by aggregateidentifier, sequencenumber")) {
            events.setArray(1, db.createArrayOf("varchar", ids.stream().map(String::valueOf).toArray()));
            try (var rows = events.executeQuery()) {
                while (rows.next()) {
                    long id = Long.parseLong(rows.getString(1));
                    ContactEventType type = TYPES.get(rows.getString(4));
                    if (type == null) {
                        throw new IllegalStateException("Unknown event payload type " + rows.getString(4));
                    }
                    var event = ContactEventJson.read(type.type(), rows.getBytes(5));
                    ContactState before = states.get(id);
                    long sequence = rows.getLong(2);
                    Instant time = Instant.parse(rows.getString(3));
                    states.put(id, before == null
                            ? ContactState.created((ContactCreated) event, sequence, time)
                            : before.apply(event, sequence, time));
                }
            }
        }
        return states;
    }

    private static Map<Long, JsonNode> documents(Collection<Long> ids) {
        Map<Long, JsonNode> documents = new HashMap<>();
        if (ids.isEmpty()) {
            return documents;
        }
        JsonNode reply = elasticsearch("POST", "/" + ALIAS + "/_mget", Api.write(Map.of("ids", ids)));
        for (JsonNode doc : reply.path("docs")) {
            if (doc.path("found").asBoolean()) {
                documents.put(doc.path("_id").asLong(), doc.path("_source"));
            }
        }
        return documents;
    }

    private List<Long> accountDocuments() {
        JsonNode reply = elasticsearch("POST", "/" + ALIAS + "/_search", Api.write(Map.of("size", 10_000,
                "_source", false, "query", Map.of("term", Map.of("account_id", admin.accountId())))));
        List<Long> ids = new ArrayList<>();
        reply.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asLong()));
        return ids;
    }

    static JsonNode elasticsearch(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch " + path + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch is not reachable at "
                    + TestInfrastructure.elasticsearchUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last value of each key written to the state topic since this check was created (null: a tombstone). */
    private Map<Long, byte[]> stateTopic() {
        Map<Long, byte[]> last = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            partitions.forEach(p -> consumer.seek(p, stateTopicStart.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the state topic up to " + end + " in 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    last.put(Long.parseLong(record.key()), record.value());
                }
            }
        }
        return last;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        return consumer.partitionsFor(ContactTopics.STATE, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props);
    }
}
