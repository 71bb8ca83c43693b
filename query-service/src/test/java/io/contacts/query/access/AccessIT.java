package io.contacts.query.access;

import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every /api/v1 request is authorised by the command-service (here its contract, served by a stand-in). */
@QueryServiceTest(properties = "contacts.access.cache-ttl=1s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessIT {

    static final QueryTestFixture fixture = new QueryTestFixture("access");
    static final CommandServiceStandIn commandService = fixture.commandService();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    ApiClient api;
    long account;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        account = fixture.newId();
    }

    private String contacts(long accountId) {
        return "/api/v1/accounts/" + accountId + "/contacts";
    }

    @Test
    void refusalsAreRelayedAsTheCommandServiceGaveThem() {
        assertRelayed(api.get(contacts(account), null), 401, CommandServiceStandIn.NO_CREDENTIALS);
        assertRelayed(api.get(contacts(account) + "/search?q=x", "wrong-token"), 401,
                CommandServiceStandIn.INVALID_TOKEN);
        assertRelayed(api.get(contacts(account) + "/1", CommandServiceStandIn.OUTSIDER_TOKEN), 401,
                CommandServiceStandIn.NOT_A_MEMBER);
        assertRelayed(api.get(contacts(CommandServiceStandIn.UNKNOWN_ACCOUNT)), 404,
                CommandServiceStandIn.NO_ACCOUNT);
        assertRelayed(api.get("/api/v1/accounts/abc/contacts"), 404, CommandServiceStandIn.NO_ACCOUNT);
    }

    /** The client address as this service saw it goes along; a 429 comes back with its Retry-After. */
    @Test
    void theClientAddressGoesAlongAndTooManyFailuresAreRelayed() throws Exception {
        assertThat(api.get(contacts(account), "wrong-token").status()).isEqualTo(401);
        assertThat(commandService.lastClientAddress()).isEqualTo("127.0.0.1");

        // from an internal proxy (the edge, here 127.0.0.1) X-Forwarded-For names the client
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + contacts(account)))
                .header("api_access_token", CommandServiceStandIn.TOKEN)
                .header("X-Forwarded-For", CommandServiceStandIn.BLOCKED_ADDRESS).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(commandService.lastClientAddress()).isEqualTo(CommandServiceStandIn.BLOCKED_ADDRESS);
        assertRelayed(new ApiClient.Response(refused.statusCode(), refused.body()), 429,
                CommandServiceStandIn.TOO_MANY_FAILURES);
        assertThat(refused.headers().firstValue("Retry-After")).contains("42");
    }

    @Test
    void refusalsAreAskedEveryTime() {
        api.get(contacts(account), "wrong-token");
        api.get(contacts(account), "wrong-token");
        assertThat(commandService.calls("wrong-token", account)).isEqualTo(2);
    }

    @Test
    void grantsAreRememberedForTheCacheTtl() {
        assertThat(api.get(contacts(account)).status()).isEqualTo(200);
        assertThat(api.get(contacts(account) + "/search?q=x").status()).isEqualTo(200);
        assertThat(commandService.calls(CommandServiceStandIn.TOKEN, account)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get(contacts(account)).status()).isEqualTo(200);
            assertThat(commandService.calls(CommandServiceStandIn.TOKEN, account)).isEqualTo(2);
        });
    }

    @Test
    void internalEndpointsAndHealthAreNotGuarded() {
        assertThat(api.get("/internal/v1/accounts/" + account + "/contacts/1/presence", null).status())
                .isEqualTo(200);
        assertThat(new ApiClient(managementPort).get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(commandService.calls("null", account)).isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anUnreachableCommandServiceIsServiceUnavailable() {
        commandService.close();
        assertRelayed(api.get(contacts(account)), 503, "{\"error\":\"Service unavailable\"}");
    }

    private static void assertRelayed(ApiClient.Response response, int status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json()).isEqualTo(new ApiClient.Response(status, body).json());
    }
}
