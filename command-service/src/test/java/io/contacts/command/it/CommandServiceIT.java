package io.contacts.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-service in-process against the real PostgreSQL (a database of its own) and Kafka (a topic of its own).
 * The query side is a stand-in that answers presence checks and announces every awaited write searchable at once.
 * Metrics are exported as in production ({@code /actuator/prometheus}).
 * All integration tests share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
abstract class CommandServiceIT {

    static final String PLATFORM_TOKEN = "it-platform-token";
    static final String TOPIC = "it.contacts.events.v1";
    static final String STATE_TOPIC = "it.contacts.state.v1";
    static final String CONFIGURATION_TOPIC = "it.contacts.configuration.v1";
    /** Readers of the configuration topic: the query-service instances ConfigurationChangesIT plays. */
    static final String CONFIGURATION_GROUP_PREFIX = "it-contacts-query-configuration";
    static final Duration CONFIGURATION_AWAIT_TIMEOUT = Duration.ofSeconds(4);
    static final String SEARCHABLE_TOPIC = "it.contacts.searchable.v1";
    /** Answers the delete guard's presence checks and announces the awaited writes. */
    static final QueryServiceStandIn queryService = new QueryServiceStandIn();

    static {
        queryService.announce(TOPIC, SEARCHABLE_TOPIC);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgresUrl("contacts_it_command"));
        registry.add("spring.datasource.username", TestInfrastructure::postgresUser);
        registry.add("spring.datasource.password", TestInfrastructure::postgresPassword);
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrap);
        registry.add("contacts.kafka.events-topic", () -> TOPIC);
        registry.add("contacts.kafka.state-topic", () -> STATE_TOPIC);
        // a contact's events span several batches of the state publisher
        registry.add("contacts.kafka.state-publisher.batch-size", () -> "2");
        registry.add("contacts.platform-token", () -> PLATFORM_TOKEN);
        registry.add("contacts.query-url", queryService::url);
        registry.add("contacts.read-your-writes.timeout", () -> "500ms");
        registry.add("contacts.read-your-writes.topic", () -> SEARCHABLE_TOPIC);
        registry.add("contacts.configuration.topic", () -> CONFIGURATION_TOPIC);
        registry.add("contacts.configuration.group-prefix", () -> CONFIGURATION_GROUP_PREFIX);
        registry.add("contacts.configuration.await-timeout", CONFIGURATION_AWAIT_TIMEOUT::toString);
        // tests run import jobs themselves: a worker polling in any cached application context would race them
        registry.add("contacts.imports.workers", () -> "0");
        registry.add("contacts.imports.batch-size", () -> "100");
        // IdempotencyIT watches the sweep remove a key it aged
        registry.add("contacts.idempotency.sweep-interval", () -> "1s");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    /** The management port: health probes and metrics. */
    HttpJson management() {
        return new HttpJson("http://127.0.0.1:" + managementPort);
    }

    /** An account with an administrator and an agent, made through the platform API. */
    record Account(long id, String adminToken, String agentToken) {
    }

    Account newAccount() {
        long account = platform("/platform/api/v1/accounts", Map.of("name", "Acme")).path("id").asLong();
        String admin = newUser(account, "administrator");
        String agent = newUser(account, "agent");
        return new Account(account, admin, agent);
    }

    String newUser(long account, String role) {
        JsonNode user = platform("/platform/api/v1/users", Map.of("name", "User",
                "email", UUID.randomUUID() + "@example.com", "password", "s3cret-pass"));
        platform("/platform/api/v1/accounts/" + account + "/account_users",
                Map.of("user_id", user.path("id").asLong(), "role", role));
        return user.path("access_token").asText();
    }

    private JsonNode platform(String path, Map<String, Object> body) {
        HttpJson.Response response = http().send("POST", path, PLATFORM_TOKEN, HttpJson.json(body));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    String contacts(Account account) {
        return "/api/v1/accounts/" + account.id() + "/contacts";
    }

    /** Creates a contact and returns its id. */
    long createContact(Account account, Map<String, Object> body) {
        HttpJson.Response response = http().send("POST", contacts(account), account.adminToken(), HttpJson.json(body));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    static String uniqueEmail() {
        return UUID.randomUUID() + "@example.com";
    }
}
