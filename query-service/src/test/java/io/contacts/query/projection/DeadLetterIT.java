package io.contacts.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactUpdated;
import io.contacts.query.ApiClient;
import io.contacts.query.QueryTestFixture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison events on the real Kafka and Elasticsearch: dead-lettered with their cause while the partition flows on,
 * inspected and replayed through the operator endpoints, counted and lag-measured on /actuator/prometheus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"contacts.platform-token=" + DeadLetterIT.PLATFORM_TOKEN,
                "contacts.projection.lag.interval=300ms"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class DeadLetterIT {

    static final String PLATFORM_TOKEN = "dead-letter-it-platform-token";
    static final String DEAD_LETTERS = "/platform/api/v1/projection/dead_letters";
    static final QueryTestFixture fixture = new QueryTestFixture("deadletters");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    /** Removed when the context closes, after the consumers stopped. */
    @TestConfiguration
    static class RemoveFixture {
        @Bean
        DisposableBean removeFixture() {
            return fixture::close;
        }
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ElasticsearchClient elasticsearch;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    @Test
    void poisonIsDeadLetteredWhileThePartitionFlowsAndAReplayAfterTheFixAppliesIt() throws Exception {
        long valid = fixture.newId();
        int partition = fixture.send(created(valid, "Valid"), 0).partition();
        assertThat(fixture.awaitContact(api, account, valid, 0).status()).isEqualTo(200);
        Map<String, Double> before = metrics();

        long orphan = fixture.newId();
        fixture.send(renamed(orphan, "Found Again"), 1, Instant.now(), partition);
        fixture.sendRaw(raw(partition, "garbage", "contact.created.v1", "{not json"));
        fixture.sendRaw(raw(partition, "unknown", "contact.merged.v1", "{}"));
        long immense = fixture.newId();
        fixture.send(created(immense, "x".repeat(40_000)), 0, Instant.now(), partition);
        long after = fixture.newId();
        fixture.send(created(after, "After"), 0, Instant.now(), partition);
        fixture.send(renamed(valid, "Valid Renamed"), 1, Instant.now(), partition);

        assertThat(fixture.awaitContact(api, account, after, 0).status()).isEqualTo(200);
        assertThat(fixture.awaitContact(api, account, valid, 1).json().get("name").asText()).isEqualTo("Valid Renamed");
        JsonNode pending = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(),
                json -> json.get("pending").asLong() == 4);
        JsonNode letters = pending.get("dead_letters");
        assertThat(letters).extracting(letter -> letter.get("reason").asText())
                .containsExactly("orphan", "malformed", "unknown_type", "rejected");
        for (JsonNode letter : letters) {
            assertThat(letter.get("attempt").asInt()).isEqualTo(1);
            assertThat(letter.get("exception").asText()).isEqualTo(PoisonEventException.class.getName());
            assertThat(letter.get("original").get("topic").asText()).isEqualTo(fixture.topic());
            assertThat(letter.get("original").get("partition").asInt()).isEqualTo(partition);
        }
        JsonNode orphanLetter = letters.get(0);
        assertThat(orphanLetter.get("key").asText()).isEqualTo(String.valueOf(orphan));
        assertThat(orphanLetter.get("cause").asText()).contains("has no document");
        assertThat(orphanLetter.get("headers").get(CloudEventHeaders.TYPE).asText()).isEqualTo("contact.updated.v1");
        assertThat(orphanLetter.get("headers").get(CloudEventHeaders.SEQUENCE).asText()).isEqualTo("1");
        assertThat(orphanLetter.get("headers").get(CloudEventHeaders.ACCOUNT_ID).asText())
                .isEqualTo(String.valueOf(account));
        assertThat(orphanLetter.get("value").asText()).contains("Found Again");
        assertThat(letters.get(1).get("key").asText()).isEqualTo("garbage");
        assertThat(letters.get(1).get("value").asText()).isEqualTo("{not json");
        assertThat(letters.get(1).get("headers").get(CloudEventHeaders.TYPE).asText()).isEqualTo("contact.created.v1");
        assertThat(letters.get(1).get("original").get("offset").asLong())
                .isEqualTo(orphanLetter.get("original").get("offset").asLong() + 1);
        assertThat(letters.get(2).get("cause").asText()).contains("contact.merged.v1");
        assertThat(letters.get(3).get("cause").asText()).contains("Elasticsearch rejected contact " + immense);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> now = metrics();
            for (String reason : List.of("orphan", "malformed", "unknown_type", "rejected")) {
                assertThat(delta(before, now, "contacts_projection_dead_letters_total{reason=\"" + reason + "\"}"))
                        .isEqualTo(1);
            }
            assertThat(delta(before, now, "contacts_projection_events_total{outcome=\"dead_lettered\"}"))
                    .isEqualTo(4);
            assertThat(now.get("contacts_projection_dead_letters_pending{topic=\"" + fixture.deadLetterTopic()
                    + "\"}")).isEqualTo(4);
            for (int p = 0; p < QueryTestFixture.PARTITIONS; p++) {
                String labels = "{partition=\"" + p + "\",topic=\"" + fixture.topic() + "\"}";
                assertThat(now.get("contacts_projection_lag_records" + labels)).isZero();
                assertThat(now.get("contacts_projection_lag_seconds" + labels)).isZero();
            }
        });

        // the fix: the orphan's creation arrives; the garbage, the unknown type and the immense name stay poison
        fixture.send(created(orphan, "Orphan"), 0, Instant.now(), partition);
        assertThat(fixture.awaitContact(api, account, orphan, 0).status()).isEqualTo(200);
        Map<String, Double> beforeReplay = metrics();
        ApiClient.Response replayed = api.post(DEAD_LETTERS + "/replay", PLATFORM_TOKEN);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asLong()).isEqualTo(4);
        assertThat(replayed.json().get("applied").asLong()).isEqualTo(1);
        assertThat(replayed.json().get("duplicates").asLong()).isZero();
        assertThat(replayed.json().get("dead_lettered_again").asLong()).isEqualTo(3);
        assertThat(replayed.json().get("remaining").asLong()).isZero();
        assertThat(fixture.awaitContact(api, account, orphan, 1).json().get("name").asText()).isEqualTo("Found Again");

        JsonNode again = deadLetters();
        assertThat(again.get("pending").asLong()).isEqualTo(3);
        assertThat(again.get("dead_letters")).extracting(letter -> letter.get("reason").asText())
                .containsExactly("malformed", "unknown_type", "rejected");
        assertThat(again.get("dead_letters")).allSatisfy(letter -> {
            assertThat(letter.get("attempt").asInt()).isEqualTo(2);
            assertThat(letter.get("original").get("topic").asText()).isEqualTo(fixture.topic());
        });
        Map<String, Double> afterReplay = metrics();
        assertThat(delta(beforeReplay, afterReplay,
                "contacts_projection_dead_letters_replayed_total{outcome=\"applied\"}")).isEqualTo(1);
        assertThat(delta(beforeReplay, afterReplay,
                "contacts_projection_dead_letters_replayed_total{outcome=\"dead_lettered\"}")).isEqualTo(3);

        ApiClient.Response one = api.post(DEAD_LETTERS + "/replay?max=1", PLATFORM_TOKEN);
        assertThat(one.json().get("replayed").asLong()).isEqualTo(1);
        assertThat(one.json().get("dead_lettered_again").asLong()).isEqualTo(1);
        assertThat(one.json().get("remaining").asLong()).isEqualTo(2);
        assertThat(deadLetters().get("dead_letters").get(0).get("reason").asText()).isEqualTo("unknown_type");
    }

    @Test
    void aStuckPartitionShowsAGrowingLagAndZeroOnceCaughtUp() throws Exception {
        long id = fixture.newId();
        String index = fixture.alias() + "-v1";
        elasticsearch.indices().deleteAlias(d -> d.index(index).name(fixture.alias()));
        String labels;
        try {
            int partition = fixture.send(created(id, "Stuck"), 0).partition();
            labels = "{partition=\"" + partition + "\",topic=\"" + fixture.topic() + "\"}";
            double stuckFor = await().atMost(Duration.ofSeconds(30)).until(
                    () -> metrics().getOrDefault("contacts_projection_lag_seconds" + labels, 0.0), age -> age > 0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Double> now = metrics();
                assertThat(now.get("contacts_projection_lag_records" + labels)).isEqualTo(1);
                assertThat(now.get("contacts_projection_lag_seconds" + labels)).isGreaterThan(stuckFor + 1);
            });
        } finally {
            elasticsearch.indices().putAlias(p -> p.index(index).name(fixture.alias()));
        }
        assertThat(fixture.awaitContact(api, account, id, 0).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> now = metrics();
            assertThat(now.get("contacts_projection_lag_records" + labels)).isZero();
            assertThat(now.get("contacts_projection_lag_seconds" + labels)).isZero();
        });
    }

    @Test
    void theOperatorEndpointsWantThePlatformTokenAndSaneLimits() {
        ApiClient.Response anonymous = api.get(DEAD_LETTERS, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("Invalid Access Token");
        assertThat(api.post(DEAD_LETTERS + "/replay", "wrong").status()).isEqualTo(401);
        ApiClient.Response tooMany = api.get(DEAD_LETTERS + "?limit=1000", PLATFORM_TOKEN);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("error").asText()).contains("limit");
        assertThat(api.post(DEAD_LETTERS + "/replay?max=0", PLATFORM_TOKEN).status()).isEqualTo(400);
    }

    private JsonNode deadLetters() {
        ApiClient.Response response = api.get(DEAD_LETTERS + "?limit=10", PLATFORM_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ContactCreated created(long contactId, String name) {
        return new ContactCreated(contactId, account, name, null, null, null, false, Map.of(), Map.of());
    }

    private ContactUpdated renamed(long contactId, String name) {
        return new ContactUpdated(contactId, account, Set.of(ContactUpdated.NAME), name, null, null, null, null,
                null);
    }

    private ProducerRecord<String, byte[]> raw(int partition, String key, String type, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("ignored", partition, key,
                body.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SEQUENCE, "0");
        header(record, CloudEventHeaders.ACCOUNT_ID, String.valueOf(account));
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+\\{[^}]*}|\\w+) (\\S+)$");

    /** The samples of /actuator/prometheus by name and labels (as printed), without the _created ones. */
    private Map<String, Double> metrics() {
        ApiClient.Response response = new ApiClient(managementPort).get("/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().lines().toList()) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.matches()) {
                samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).as("has " + sample).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
