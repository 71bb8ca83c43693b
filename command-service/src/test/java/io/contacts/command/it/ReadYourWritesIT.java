package io.contacts.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answers once the query side announced it searchable, rendered from the command's state with the presence
 * the announcement carried; without an announcement it answers after the read-your-writes timeout, counted.
 */
class ReadYourWritesIT extends CommandServiceIT {

    @Autowired
    MeterRegistry meters;

    private Account account;
    private HttpJson http;

    @BeforeEach
    void setUp() {
        account = newAccount();
        http = http();
    }

    @AfterEach
    void announceAgain() {
        queryService.announcing(true);
    }

    private HttpJson.Response send(String method, String path, Object body) {
        return http.send(method, path, account.adminToken(), HttpJson.json(body));
    }

    private double fallbacks(String reason) {
        Counter counter = meters.find("contacts.read.your.writes.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAnnouncedWriteAnswersAtOnceWithThePresenceTheAnnouncementCarried() {
        double timeoutsBefore = fallbacks("timeout");
        JsonNode created = send("POST", contacts(account), Map.of("name", "Online Olga")).json();
        long id = created.path("id").asLong();
        assertThat(created.path("availability_status").asText()).isEqualTo("offline");

        queryService.set(id, QueryServiceStandIn.Presence.ONLINE);
        long started = System.nanoTime();
        HttpJson.Response updated = send("PATCH", contacts(account) + "/" + id, Map.of("name", "Online Olga II"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("availability_status").asText()).isEqualTo("online");
        assertThat(updated.json().path("payload").path("availability_status").asText()).isEqualTo("online");
        assertThat(updated.json().path("name").asText()).isEqualTo("Online Olga II");
        // the timeout is 500 ms here: an answer before it came from the announcement
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(fallbacks("timeout")).isEqualTo(timeoutsBefore);
    }

    @Test
    void withoutAnAnnouncementTheWriteAnswersAfterTheTimeoutAndIsCounted() {
        queryService.announcing(false);
        double timeoutsBefore = fallbacks("timeout");
        long started = System.nanoTime();
        HttpJson.Response created = send("POST", contacts(account), Map.of("name", "Unannounced Una"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("name").asText()).isEqualTo("Unannounced Una");
        assertThat(created.json().path("availability_status").asText()).isEqualTo("offline");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(fallbacks("timeout")).isEqualTo(timeoutsBefore + 1);
    }
}
