package io.contacts.e2e;

import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection's operator endpoints through the edge (platform token), and its lag on the query-service's
 * /actuator/prometheus (on its management port, which the edge does not route).
 */
class DeadLettersIT {

    private static final Edge EDGE = new Edge();
    private static final String DEAD_LETTERS = "/platform/api/v1/projection/dead_letters";

    @Test
    void operatorsLookAtAndReplayTheDeadLettersWithThePlatformTokenOnly() {
        Reply anonymous = EDGE.get(DEAD_LETTERS, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("error").asText()).isEqualTo("Invalid Access Token");

        Reply listed = EDGE.get(DEAD_LETTERS + "?limit=5", TestInfrastructure.platformToken());
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().path("topic").asText()).isEqualTo("contacts.events.v1.dlt");
        assertThat(listed.body().path("pending").asLong()).isNotNegative();
        assertThat(listed.body().path("dead_letters").size()).isLessThanOrEqualTo(5);

        Reply replayed = EDGE.post(DEAD_LETTERS + "/replay", TestInfrastructure.platformToken(), null);
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(200);
        assertThat(replayed.body().path("replayed").asLong()).isEqualTo(replayed.body().path("applied").asLong()
                + replayed.body().path("duplicates").asLong() + replayed.body().path("dead_lettered_again").asLong());
        assertThat(replayed.body().path("remaining").asLong()).isZero();
    }

    @Test
    void theQueryServiceShowsTheProjectionLagPerPartitionAndItReturnsToZero() {
        long account = EDGE.newAccount();
        Member admin = EDGE.newMember(account, "administrator");
        assertThat(EDGE.post(contacts(admin), admin.token(), Map.of("name", "Lagging " + Edge.unique())).status())
                .isEqualTo(200);

        String prometheus = TestInfrastructure.queryManagementUrl() + "/actuator/prometheus";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<byte[]> scraped = EDGE.fetch(prometheus);
            assertThat(scraped.statusCode()).isEqualTo(200);
            List<String> lag = new String(scraped.body(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("contacts_projection_lag_records{")
                            && line.contains("topic=\"contacts.events.v1\""))
                    .toList();
            assertThat(lag).hasSizeGreaterThanOrEqualTo(1).allSatisfy(line -> assertThat(line).endsWith(" 0.0"));
        });
    }
}
