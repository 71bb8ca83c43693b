package io.contacts.command.it;

import io.contacts.command.publishing.PublisherProcessor;
import io.contacts.events.ContactState;
import io.contacts.events.json.ContactEventJson;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The state publisher on the real event store and Kafka: one compacted record per change, a tombstone at the end. */
class StatePublishingIT extends CommandServiceIT {

    @Autowired
    EventProcessingConfiguration processing;

    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void readFromTheEnd() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(STATE_TOPIC).stream()
                .map(p -> new TopicPartition(STATE_TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) {
        return Long.parseLong(header(record, "ce_sequence"));
    }

    /** Polls until the contact's record with the given sequence arrived; returns every record of it so far. */
    private List<ConsumerRecord<String, byte[]>> awaitSequence(List<ConsumerRecord<String, byte[]>> received,
                                                               long id, long sequence) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (String.valueOf(id).equals(record.key())) {
                    received.add(record);
                }
            });
            return !received.isEmpty() && sequence(received.get(received.size() - 1)) >= sequence;
        });
        return received;
    }

    private ContactState stateAt(List<ConsumerRecord<String, byte[]>> received, long sequence) {
        ConsumerRecord<String, byte[]> last = received.get(received.size() - 1);
        assertThat(sequence(last)).isEqualTo(sequence);
        ContactState state = ContactEventJson.readState(last.value());
        assertThat(state.sequence()).isEqualTo(sequence);
        return state;
    }

    @Test
    void eachChangeBringsTheFullStateAndADeleteATombstone() throws Exception {
        Account account = newAccount();
        long id = createContact(account, Map.of("name", "State", "email", "state@example.com",
                "custom_attributes", Map.of("plan", "gold"), "additional_attributes", Map.of("city", "Oslo")));
        String contact = contacts(account) + "/" + id;
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

        ContactState created = stateAt(awaitSequence(received, id, 0), 0);
        assertThat(created.contactId()).isEqualTo(id);
        assertThat(created.accountId()).isEqualTo(account.id());
        assertThat(created.name()).isEqualTo("State");
        assertThat(created.email()).isEqualTo("state@example.com");
        assertThat(created.customAttributes()).isEqualTo(Map.of("plan", "gold"));

        assertThat(http().send("PATCH", contact, account.adminToken(), "{\"name\":\"State 2\"}").status())
                .isEqualTo(200);
        assertThat(stateAt(awaitSequence(received, id, 1), 1).name()).isEqualTo("State 2");

        assertThat(http().send("POST", contact + "/labels", account.adminToken(), "{\"labels\":[\"vip\",\"beta\"]}")
                .status()).isEqualTo(200);
        ContactState labelled = stateAt(awaitSequence(received, id, 2), 2);
        assertThat(labelled.labels()).containsExactlyInAnyOrder("vip", "beta");
        assertThat(labelled.name()).isEqualTo("State 2");

        assertThat(http().send("PATCH", contact, account.adminToken(), "{\"blocked\":true}").status()).isEqualTo(200);
        ContactState blocked = stateAt(awaitSequence(received, id, 3), 3);
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.labels()).containsExactlyInAnyOrder("vip", "beta");
        assertThat(blocked.additionalAttributes()).isEqualTo(Map.of("city", "Oslo"));

        assertThat(http().send("DELETE", contact, account.adminToken(), null).status()).isEqualTo(200);
        ConsumerRecord<String, byte[]> tombstone = awaitSequence(received, id, 4).get(received.size() - 1);
        assertThat(tombstone.value()).isNull();
        assertThat(sequence(tombstone)).isEqualTo(4);

        // at least once: a record may come again (the IT JVM can hold a second application context on this
        // database, whose publishers claim the same tokens), always the same state for the same sequence
        assertThat(received).extracting(StatePublishingIT::sequence).containsOnly(0L, 1L, 2L, 3L, 4L);
        assertThat(received).extracting(ConsumerRecord::partition).containsOnly(received.get(0).partition());
        assertThat(received.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(5);
        List<String> times = jdbc.queryForList("SELECT timestamp FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, String.valueOf(id));
        for (ConsumerRecord<String, byte[]> record : received) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("contact.state.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/contacts/command-service");
            assertThat(header(record, "ce_subject")).isEqualTo(String.valueOf(id));
            assertThat(header(record, "ce_accountid")).isEqualTo(String.valueOf(account.id()));
            assertThat(Instant.parse(header(record, "ce_time")))
                    .isEqualTo(Instant.parse(times.get((int) sequence(record))));
        }
    }

    @Test
    void aStateBuiltAcrossSeveralBatchesFoldsOnlyUpToEachBatchsEvents() {
        TrackingEventProcessor publisher = processing
                .eventProcessor(PublisherProcessor.STATE, TrackingEventProcessor.class).orElseThrow();
        Account account = newAccount();
        long id;
        publisher.shutDown();
        try {
            // stored while the publisher stands still: its batches of 2 then find the later events in the store
            id = createContact(account, Map.of("name", "v0"));
            for (int version = 1; version <= 6; version++) {
                assertThat(http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                        "{\"name\":\"v" + version + "\",\"custom_attributes\":{\"v" + version + "\":true}}")
                        .status()).isEqualTo(200);
            }
        } finally {
            publisher.start();
        }
        List<ConsumerRecord<String, byte[]>> received = awaitSequence(new ArrayList<>(), id, 6);

        assertThat(received.stream().map(StatePublishingIT::sequence).distinct().count()).isGreaterThanOrEqualTo(3);
        for (ConsumerRecord<String, byte[]> record : received) {
            ContactState state = ContactEventJson.readState(record.value());
            long sequence = sequence(record);
            assertThat(state.sequence()).isEqualTo(sequence);
            assertThat(state.name()).isEqualTo("v" + sequence);
            assertThat(state.customAttributes()).hasSize((int) sequence);
        }
    }

    @Test
    void theTopicIsCompactedWithTheEventsTopicsPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, STATE_TOPIC);
            Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(Set.of(STATE_TOPIC)).allTopicNames().get().get(STATE_TOPIC)
                    .partitions()).hasSize(6);
        }
    }
}
