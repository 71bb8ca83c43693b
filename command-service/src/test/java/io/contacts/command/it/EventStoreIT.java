package io.contacts.command.it;

import io.contacts.command.publishing.PublisherProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is Axon's JDBC engine on PostgreSQL tables made by Flyway, never an in-memory fallback. */
class EventStoreIT extends CommandServiceIT {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;

    @Test
    void axonUsesTheJdbcEngineAndTokenStore() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void theAxonIqUpdateCheckerIsOff(@Autowired UpdateCheckConfiguration updateCheck) {
        assertThat(updateCheck.getDisabled()).isTrue();
    }

    @Test
    void eventsAreRowsWithByteaPayloadsInPostgres() {
        Account account = newAccount();
        long id = createContact(account, Map.of("name", "Stored", "blocked", true));

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT sequencenumber, payloadtype, type, "
                + "pg_typeof(payload)::text AS payload_type, convert_from(payload, 'UTF8') AS json "
                + "FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.valueOf(id));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("sequencenumber")).containsExactly(0L, 1L);
        assertThat(rows).extracting(r -> r.get("payloadtype"))
                .containsExactly("io.contacts.events.ContactCreated", "io.contacts.events.ContactBlocked");
        assertThat(rows.get(0).get("type")).isEqualTo("Contact");
        assertThat(rows.get(0).get("payload_type")).isEqualTo("bytea");
        assertThat((String) rows.get(0).get("json")).contains("\"name\":\"Stored\"", "\"account_id\":" + account.id());
    }

    @Test
    void thePublisherKeepsItsTokenInPostgres() {
        createContact(newAccount(), Map.of());
        long lastEvent = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT token FROM tokenentry WHERE processorname = ? AND token IS NOT NULL",
                byte[].class, PublisherProcessor.EVENTS)).isNotEmpty());
        assertThat(lastEvent).isPositive();
    }

    @Test
    void contactIdsComeFromTheSequence() {
        Account account = newAccount();
        long first = createContact(account, Map.of());
        long second = createContact(account, Map.of());
        assertThat(second).isGreaterThan(first);
        assertThat(jdbc.queryForObject("SELECT last_value FROM contact_id_seq", Long.class))
                .isGreaterThanOrEqualTo(second);
    }
}
