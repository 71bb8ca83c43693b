package io.contacts.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;
import io.contacts.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one integration test class needs around the in-process query-service: a Kafka topic, an index alias and a
 * consumer group of its own on the real infrastructure, the command-service stand-in, and a producer that sends
 * events as the command-service does. {@link #close()} removes the topic, the group and the indices; call it once the
 * consumers stopped.
 */
public final class QueryTestFixture implements AutoCloseable {

    public static final int PARTITIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixtures registered with a context, by alias, for {@link RemoveFixture} to find. */
    private static final Map<String, QueryTestFixture> registered = new ConcurrentHashMap<>();

    private final String topic;
    private final String searchableTopic;
    private final String alias;
    private final String group;
    private final CommandServiceStandIn commandService = new CommandServiceStandIn();
    private final KafkaProducer<String, byte[]> producer;
    /** The searchable notices read so far: contact id, the entry with the highest sequence announced. */
    private final Map<Long, JsonNode> searchable = new ConcurrentHashMap<>();
    private KafkaConsumer<String, byte[]> notices;
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));

    public QueryTestFixture(String name) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "it.query." + name + "." + run + ".v1";
        alias = "it-contacts-" + name + "-" + run;
        group = "it-query-" + name + "-" + run;
        searchableTopic = topic + ".searchable";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                    new NewTopic(searchableTopic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void register(DynamicPropertyRegistry registry) {
        register(registry, TestInfrastructure.elasticsearchUrl());
    }

    public void register(DynamicPropertyRegistry registry, String elasticsearchUrl) {
        registered.put(alias, this);
        registry.add("spring.elasticsearch.uris", () -> elasticsearchUrl);
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrap);
        registry.add("contacts.kafka.events-topic", () -> topic);
        registry.add("contacts.kafka.group", () -> group);
        registry.add("contacts.elasticsearch.alias", () -> alias);
        registry.add("contacts.access.command-url", commandService::url);
        registry.add("contacts.configuration.topic", this::configurationTopic);
        registry.add("contacts.configuration.group-prefix", this::configurationGroupPrefix);
        registry.add("contacts.read-your-writes.topic", () -> searchableTopic);
    }

    /**
     * Waits until the query-service announced the contact searchable at {@code minSequence} or later, as the
     * command-service does for a write sent by {@link #send} (which marks its events awaited).
     *
     * @return the announcement's entry: {@code id}, {@code sequence}, {@code online}
     */
    public synchronized JsonNode awaitSearchable(long contactId, long minSequence) {
        if (notices == null) {
            notices = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrap()), new StringDeserializer(), new ByteArrayDeserializer());
            notices.assign(List.of(new TopicPartition(searchableTopic, 0)));
            notices.seekToBeginning(List.of(new TopicPartition(searchableTopic, 0)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (announcedSequence(contactId) < minSequence) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Contact " + contactId + " not announced searchable at sequence "
                        + minSequence + " within 20 s");
            }
            notices.poll(Duration.ofMillis(100)).forEach(record -> {
                try {
                    JSON.readTree(record.value()).get("contacts").forEach(entry -> searchable.merge(
                            entry.get("id").asLong(), entry, (old, now) ->
                                    now.get("sequence").asLong() >= old.get("sequence").asLong() ? now : old));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return searchable.get(contactId);
    }

    /** The last announcement read of this contact, null if none. */
    public JsonNode announced(long contactId) {
        return searchable.get(contactId);
    }

    private long announcedSequence(long contactId) {
        JsonNode entry = searchable.get(contactId);
        return entry == null ? -1 : entry.get("sequence").asLong();
    }

    /** The contact as shown once searchable at {@code minSequence}: {@link #awaitSearchable}, then a read. */
    public ApiClient.Response awaitContact(ApiClient api, long accountId, long contactId, long minSequence) {
        awaitSearchable(contactId, minSequence);
        return api.get("/api/v1/accounts/" + accountId + "/contacts/" + contactId);
    }

    static QueryTestFixture registered(String alias) {
        QueryTestFixture fixture = registered.get(alias);
        if (fixture == null) {
            throw new IllegalStateException("No fixture registered the alias " + alias);
        }
        return fixture;
    }

    public CommandServiceStandIn commandService() {
        return commandService;
    }

    public String alias() {
        return alias;
    }

    /** A fresh id for a contact or an account, so tests never see each other's data. */
    public long newId() {
        return ids.incrementAndGet();
    }

    public RecordMetadata send(ContactEvent event, long sequence) {
        return send(event, sequence, Instant.now(), null);
    }

    public RecordMetadata send(ContactEvent event, long sequence, Instant time) {
        return send(event, sequence, time, null);
    }

    /** Sends as the command-service does (CloudEvents binary mode, keyed by contact id), or to a given partition. */
    public RecordMetadata send(ContactEvent event, long sequence, Instant time, Integer partition) {
        try {
            return producer.send(awaited(record(event, sequence, time, partition))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot send " + event, e);
        }
    }

    private ProducerRecord<String, byte[]> record(ContactEvent event, long sequence, Instant time,
                                                  Integer partition) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition,
                String.valueOf(event.contactId()), ContactEventJson.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, ContactEventType.of(event).type());
        header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, String.valueOf(event.contactId()));
        header(record, CloudEventHeaders.ACCOUNT_ID, String.valueOf(event.accountId()));
        header(record, CloudEventHeaders.SEQUENCE, String.valueOf(sequence));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    /** A record of {@link #send}: an API write, whose answer waits until it is searchable. */
    private ProducerRecord<String, byte[]> awaited(ProducerRecord<String, byte[]> record) {
        header(record, CloudEventHeaders.AWAITED, "true");
        return record;
    }

    /** Sends many events (each its contact's first) without waiting for each acknowledgement in turn. */
    public void sendAll(List<? extends ContactEvent> events) {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>();
        for (ContactEvent event : events) {
            sent.add(producer.send(record(event, 0, Instant.now(), null)));
        }
        for (java.util.concurrent.Future<RecordMetadata> future : sent) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Cannot send the events", e);
            }
        }
    }

    /** Sends each contact's creation, then waits until all are searchable. */
    public void createAll(ApiClient api, List<ContactCreated> contacts, Instant time) {
        contacts.forEach(contact -> send(contact, 0, time));
        contacts.forEach(contact -> {
            ApiClient.Response projected = awaitContact(api, contact.accountId(), contact.contactId(), 0);
            if (projected.status() != 200) {
                throw new IllegalStateException("Contact " + contact.contactId() + " not projected: " + projected);
            }
        });
    }

    /** Sends a raw record (a malformed one, say) to a partition. */
    public void sendRaw(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
                record.headers())).get(30, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws Exception {
        registered.remove(alias);
        producer.close();
        synchronized (this) {
            if (notices != null) {
                notices.close();
            }
        }
        commandService.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            admin.deleteTopics(List.of(topic, searchableTopic)).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
            deleteIfPresent(admin.deleteTopics(List.of(deadLetterTopic())).all());
            deleteIfPresent(admin.deleteConsumerGroups(List.of(group + ".dead-letters")).all());
            deleteIfPresent(admin.deleteTopics(List.of(configurationTopic())).all());
            List<String> configurationGroups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(id -> id.startsWith(configurationGroupPrefix() + ".")).toList();
            deleteIfPresent(admin.deleteConsumerGroups(configurationGroups).all());
        }
        deleteIndex(alias + "-v1");
        deleteIndex(alias + "-presence-v1");
        deleteIndex(alias + "-exports-v1");
        deleteIndex(alias + "-rebuilds-v1");
    }

    /** Where the command-service would announce configuration changes; each instance reads it in its own group. */
    public String configurationTopic() {
        return topic + ".configuration";
    }

    public String configurationGroupPrefix() {
        return group + ".configuration";
    }

    /** Announces a change of the account's configuration, as the command-service does after its commit. */
    public RecordMetadata announceConfigurationChange(long accountId) throws Exception {
        return producer.send(new ProducerRecord<>(configurationTopic(), String.valueOf(accountId),
                ("{\"account_id\":" + accountId + "}").getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
    }

    /** The projection's dead-letter topic (by default the events topic's name with {@code .dlt}). */
    public String deadLetterTopic() {
        return topic + ".dlt";
    }

    public String topic() {
        return topic;
    }

    /** Dead letters and their replay group exist only in the tests that made some. */
    private static void deleteIfPresent(KafkaFuture<Void> deleted) throws Exception {
        try {
            deleted.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException
                    || e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static void deleteIndex(String index) throws Exception {
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestInfrastructure.elasticsearchUrl() + "/" + index)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() != 200 && deleted.statusCode() != 404) {
            throw new IllegalStateException("Cannot delete index " + index + ": " + deleted.body());
        }
    }
}
