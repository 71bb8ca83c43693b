package io.contacts.command.it;

import io.contacts.events.ContactEvent;
import io.contacts.events.ContactState;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stored events reach the events topic, keyed by contact, in order, as CloudEvents. */
class KafkaPublishingIT extends CommandServiceIT {

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void everyEventOfAContactArrivesInOrderWithItsHeaders() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            assertThat(partitions).hasSize(6);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            Account account = newAccount();
            String contact = contacts(account) + "/" + createContact(account, Map.of("name", "Kafka",
                    "custom_attributes", Map.of("plan", "gold"), "blocked", true));
            String id = contact.substring(contact.lastIndexOf('/') + 1);
            http().send("PATCH", contact, account.adminToken(), "{\"name\":\"Kafka 2\"}");
            http().send("POST", contact + "/destroy_custom_attributes", account.adminToken(),
                    "{\"custom_attributes\":[\"plan\"]}");
            http().send("DELETE", contact, account.adminToken(), null);

            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (id.equals(record.key())) {
                        received.add(record);
                    }
                });
                return received.size() >= 5;
            });

            assertThat(received).extracting(r -> header(r, "ce_type")).containsExactly("contact.created.v1",
                    "contact.blocked.v1", "contact.updated.v1", "contact.custom_attributes_removed.v1",
                    "contact.deleted.v1");
            assertThat(received).extracting(r -> header(r, "ce_sequence")).containsExactly("0", "1", "2", "3", "4");
            assertThat(received).extracting(ConsumerRecord::partition).containsOnly(received.get(0).partition());
            List<String> eventIds = jdbc.queryForList("SELECT eventidentifier FROM domainevententry "
                    + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, id);
            assertThat(received).extracting(r -> header(r, "ce_id")).containsExactlyElementsOf(eventIds);
            for (ConsumerRecord<String, byte[]> record : received) {
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(record, "ce_source")).isEqualTo("/contacts/command-service");
                assertThat(header(record, "ce_subject")).isEqualTo(id);
                assertThat(header(record, "ce_accountid")).isEqualTo(String.valueOf(account.id()));
                assertThat(header(record, "content-type")).isEqualTo("application/json");
                assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
            }

            ContactState state = null;
            for (ConsumerRecord<String, byte[]> record : received) {
                ContactEvent event = ContactEventJson.read(header(record, "ce_type"), record.value());
                long sequence = Long.parseLong(header(record, "ce_sequence"));
                state = state == null ? ContactState.created((io.contacts.events.ContactCreated) event, sequence,
                        Instant.now()) : state.apply(event, sequence, Instant.now());
            }
            assertThat(state.name()).isEqualTo("Kafka 2");
            assertThat(state.blocked()).isTrue();
            assertThat(state.customAttributes()).isEmpty();
            assertThat(state.deleted()).isTrue();
        }
    }
}
