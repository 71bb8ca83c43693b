package io.contacts.query.web;

import io.contacts.query.ApiClient;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts without Elasticsearch and answers 503, never a 500, until it is back. */
@QueryServiceTest
class UnavailableElasticsearchIT {

    static final QueryTestFixture fixture = new QueryTestFixture("no-es");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry, "http://127.0.0.1:" + closedPort());
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void readsAreServiceUnavailable() {
        ApiClient api = new ApiClient(port);
        for (String path : List.of("/api/v1/accounts/1/contacts", "/api/v1/accounts/1/contacts/5",
                "/api/v1/accounts/1/contacts/search?q=ann")) {
            ApiClient.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.json().get("error").asText()).isEqualTo("Service unavailable");
        }
        ApiClient management = new ApiClient(managementPort);
        ApiClient.Response health = management.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        // the probes call no dependency: the service lives and takes requests (which answer 503 fast)
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
