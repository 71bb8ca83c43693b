package io.contacts.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.faults.Api.Reply;
import io.contacts.testsupport.TestInfrastructure;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection rebuild that switches the alias (docs/projection-operations.md), run while the load writes. */
final class Rebuild {

    private static final String REBUILDS = "/platform/api/v1/projection/rebuilds";

    private final Api api;
    private long job;

    Rebuild(Api api) {
        this.api = api;
    }

    void start() {
        Reply reply = api.call("POST", REBUILDS, TestInfrastructure.platformToken(), Map.of());
        assertThat(reply.status()).as("starting a rebuild: " + reply).isEqualTo(202);
        job = reply.body().path("id").asLong();
    }

    void awaitCompleted() {
        JsonNode[] last = new JsonNode[1];
        await("rebuild " + job).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Reply reply = api.call("GET", REBUILDS + "/" + job, TestInfrastructure.platformToken(), null);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            last[0] = reply.body();
            return !"running".equals(last[0].path("status").asText());
        });
        assertThat(last[0].path("status").asText()).as(last[0].toString()).isEqualTo("completed");
    }
}
