package io.contacts.faults;

import io.contacts.faults.Api.Member;
import io.contacts.faults.Api.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frozen Elasticsearch (SIGSTOP: it accepts connections and never answers) holds no request for long and does not
 * take the query-service down: a read answers 503 JSON within the read bound, and with 60 such reads in flight the
 * management port's health probes, a read that needs no Elasticsearch (a refused token) and a write still answer
 * within theirs.
 */
class FrozenElasticsearchIT {

    static final Duration READ_BOUND = Duration.ofSeconds(3);
    static final Duration HEALTH_BOUND = Duration.ofSeconds(1);
    /** The read-your-writes wait (contacts.read-your-writes.timeout, 5 s) plus 1 s. */
    static final Duration WRITE_BOUND = Duration.ofSeconds(6);
    static final int READS_IN_FLIGHT = 60;

    private static final Stack STACK = new Stack();
    private final Api api = new Api();

    @AfterAll
    static void thaw() {
        STACK.repair();
    }

    @Test
    void readsAnswer503WithinTheBoundAndHealthAndOtherRequestsStillAnswer() throws Exception {
        STACK.requireNative();
        Member admin = api.newAdministrator();
        Reply created = api.call("POST", admin.contacts(), admin.token(),
                Map.of("name", "Frozen", "email", "frozen-" + Api.unique() + "@faults.test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.body().path("payload").path("contact").path("id").asLong();
        await("reads before the freeze").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.call("GET", admin.contacts(), admin.token(), null).status() == 200);

        STACK.freeze("es");
        ExecutorService readers = Executors.newFixedThreadPool(READS_IN_FLIGHT);
        try {
            Reply read = api.call("GET", admin.contacts(), admin.token(), null);
            assertUnavailableWithin(read, READ_BOUND, "GET /contacts");

            List<CompletableFuture<Reply>> inFlight = new ArrayList<>();
            for (int i = 0; i < READS_IN_FLIGHT; i++) {
                String path = i % 3 == 0 ? admin.contacts() : i % 3 == 1
                        ? admin.contacts() + "/search?q=frozen" : admin.contacts() + "/" + id;
                inFlight.add(CompletableFuture.supplyAsync(() -> api.call("GET", path, admin.token(), null),
                        readers));
            }
            for (String management : List.of(TestInfrastructure.queryManagementUrl(),
                    TestInfrastructure.commandManagementUrl())) {
                for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                    Reply health = api.callUrl("GET", management + probe, null, null, Map.of());
                    assertThat(health.status()).as(management + probe + ": " + health).isEqualTo(200);
                    assertThat(health.millis()).as(management + probe).isLessThanOrEqualTo(HEALTH_BOUND.toMillis());
                }
            }
            Reply refused = api.call("GET", admin.contacts(), "not-a-token", null);
            assertThat(refused.status()).as("a read with an unknown token: " + refused).isEqualTo(401);
            assertThat(refused.millis()).as("a read with an unknown token").isLessThanOrEqualTo(READ_BOUND.toMillis());
            Reply write = api.call("PATCH", admin.contacts() + "/" + id, admin.token(), Map.of("name", "Still written"));
            assertThat(write.status()).as("a write: " + write).isEqualTo(200);
            assertThat(write.millis()).as("a write").isLessThanOrEqualTo(WRITE_BOUND.toMillis());

            for (CompletableFuture<Reply> reply : inFlight) {
                assertUnavailableWithin(reply.get(), READ_BOUND, "one of the reads in flight");
            }
        } finally {
            readers.shutdownNow();
            STACK.thaw("es");
        }
        await("reads once Elasticsearch is thawed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.call("GET", admin.contacts() + "/" + id, admin.token(), null).status() == 200);
    }

    private static void assertUnavailableWithin(Reply reply, Duration bound, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(503);
        assertThat(reply.error()).as(what + ": a JSON error").isNotBlank();
        assertThat(reply.millis()).as(what + ": answered within " + bound).isLessThanOrEqualTo(bound.toMillis());
    }
}
