package io.contacts.query.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.events.ContactCreated;
import io.contacts.query.ApiClient;
import io.contacts.query.CommandServiceStandIn;
import io.contacts.query.QueryServiceTest;
import io.contacts.query.QueryTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first request of a deep page whose walk outlasts the request's budget answers 503 with {@code Retry-After}, and
 * the walk goes on without it, so that a retry is served: here 20,000 contacts, a result window of 201 (about 100
 * hops to the last page) and a request budget that leaves the request 100 ms for the walk. In-process against the
 * real Elasticsearch, as {@code ActiveBoundIT}: 20,000 contacts through the edge would take minutes.
 */
@QueryServiceTest
class DeepPageWalkIT {

    static final QueryTestFixture fixture = new QueryTestFixture("deepwalk");
    private static final int CONTACTS = 20_000;
    private static final int PER_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        fixture.register(registry);
        registry.add("contacts.search.result-window", () -> "201");
        registry.add("contacts.limits.request-budget", () -> "600ms");
    }

    @LocalServerPort
    int port;

    @Test
    void aWalkOutlastingItsRequestAnswers503WithRetryAfterAndARetryGetsThePage() throws Exception {
        long account = fixture.newId();
        List<ContactCreated> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(new ContactCreated(fixture.newId(), account, String.format("c%05d", i),
                    "c" + i + "@example.com", null, null, false, Map.of(), Map.of()));
        }
        fixture.sendAll(contacts);
        String list = "/api/v1/accounts/" + account + "/contacts";
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ApiClient.Response response = api.get(list + "?per_page=1");
            return response.status() == 200 && response.json().get("meta").get("count").asLong() == CONTACTS;
        });

        String lastPage = list + "?sort=name&per_page=" + PER_PAGE + "&page=" + CONTACTS / PER_PAGE;
        HttpResponse<String> first = get(lastPage);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isPositive());
        assertThat(JSON.readTree(first.body()).get("error").asText()).isEqualTo("Service unavailable");

        AtomicReference<JsonNode> page = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> retry = get(lastPage);
            if (retry.statusCode() == 200) {
                page.set(JSON.readTree(retry.body()));
                return true;
            }
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(503);
            assertThat(retry.headers().firstValue("Retry-After")).isPresent();
            return false;
        });
        List<String> names = new ArrayList<>();
        page.get().get("payload").forEach(contact -> names.add(contact.get("name").asText()));
        List<String> expected = new ArrayList<>();
        for (int i = CONTACTS - PER_PAGE; i < CONTACTS; i++) {
            expected.add(String.format("c%05d", i));
        }
        assertThat(names).isEqualTo(expected);
        assertThat(page.get().get("meta").get("count").asLong()).isEqualTo(CONTACTS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("api_access_token", CommandServiceStandIn.TOKEN).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
