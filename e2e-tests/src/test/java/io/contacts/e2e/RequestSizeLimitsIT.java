package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request size limits: the edge's (20 MB, 512 MB for CSV imports, by the declared length before any body is read)
 * and each service's own (1 MB JSON), with and without a Content-Length, always a JSON 413 and nothing written.
 */
class RequestSizeLimitsIT {

    private static final Edge EDGE = new Edge();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String EDGE_TOO_LARGE = "Request body too large (limit 20 MB, 512 MB for CSV imports)";
    private static Member admin;

    @BeforeAll
    static void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
    }

    /** A JSON contact whose name pads it to {@code size} bytes. */
    private static byte[] contactOf(int size, String name) {
        String head = "{\"name\":\"" + name + "\",\"custom_attributes\":{\"padding\":\"";
        return (head + "x".repeat(size - head.length() - 4) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEdgeRefusesADeclaredLengthOverItsLimitsBeforeReadingIt() throws IOException {
        Edge.Raw json = EDGE.socket("127.0.0.1", "POST", contacts(admin), Map.of("api_access_token", admin.token(),
                "Content-Type", "application/json", "Content-Length", String.valueOf(21L << 20)));
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.headers().get("content-type")).startsWith("application/json");
        assertThat(Edge.JSON.readTree(json.body()).path("error").asText()).isEqualTo(EDGE_TOO_LARGE);

        Edge.Raw hugeImport = EDGE.socket("127.0.0.1", "POST", contacts(admin) + "/import",
                Map.of("api_access_token", admin.token(), "Content-Type", "multipart/form-data; boundary=x",
                        "Content-Length", String.valueOf(513L << 20)));
        assertThat(hugeImport.status()).isEqualTo(413);
        assertThat(Edge.JSON.readTree(hugeImport.body()).path("error").asText()).isEqualTo(EDGE_TOO_LARGE);
    }

    @Test
    void throughTheEdgeEachServiceRefusesJsonOverOneMegabyte() {
        String name = "Big " + Edge.unique();
        for (String path : new String[]{contacts(admin), contacts(admin) + "/filter"}) {
            Reply refused = EDGE.call("POST", path, admin.token(),
                    new String(contactOf(1_100_000, name), StandardCharsets.UTF_8));
            assertThat(refused.status()).as(path + ": " + refused.raw()).isEqualTo(413);
            assertThat(refused.body().path("error").asText()).startsWith("Request body is too large");
        }
        assertThat(EDGE.get(contacts(admin) + "/search?q=" + name.replace(' ', '+'), admin.token()).body()
                .path("payload")).isEmpty();
    }

    @Test
    void eachServiceRefusesJsonOverOneMegabyteWithOrWithoutALength() throws Exception {
        String name = "Direct " + Edge.unique();
        String[] targets = {TestInfrastructure.commandServiceUrl() + contacts(admin),
                TestInfrastructure.queryServiceUrl() + contacts(admin) + "/filter"};
        for (String target : targets) {
            for (boolean chunked : new boolean[]{false, true}) {
                byte[] body = contactOf(1_500_000, name);
                HttpRequest.BodyPublisher publisher = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(target))
                        .timeout(Duration.ofSeconds(30)).header("api_access_token", admin.token())
                        .header("Content-Type", "application/json").POST(publisher).build(),
                        HttpResponse.BodyHandlers.ofString());
                String what = target + (chunked ? " chunked" : " with a length");
                assertThat(refused.statusCode()).as(what + ": " + refused.body()).isEqualTo(413);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                JsonNode error = Edge.JSON.readTree(refused.body());
                assertThat(error.path("error").asText()).as(what).startsWith("Request body is too large");
            }
        }
        assertThat(EDGE.get(contacts(admin) + "/search?q=" + name.replace(' ', '+'), admin.token()).body()
                .path("payload")).isEmpty();
    }

    /** 1,000 contacts outgrow the 1 MB of a single write: the batch upsert has its own limit, 5 MB. */
    @Test
    void theBatchUpsertTakesMoreThanOneMegabyteUpToItsOwnLimit() {
        String name = "Batch " + Edge.unique();
        String path = contacts(admin) + "/batch_upsert";
        String padding = "x".repeat(1_500);
        StringBuilder big = new StringBuilder("{\"match_by\":\"identifier\",\"contacts\":[");
        for (int i = 0; i < 1000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"identifier\":\"")
                    .append(name).append(' ').append(i).append("\",\"custom_attributes\":{\"padding\":\"")
                    .append(padding).append("\"}}");
        }
        String body = big.append("]}").toString();
        assertThat(body.length()).isBetween(1_500_000, 2_000_000);
        Reply accepted = EDGE.call("POST", path, admin.token(), body);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("meta").path("created").asInt()).isEqualTo(1000);

        String other = "Too big " + Edge.unique();
        String tooBig = "{\"match_by\":\"email\",\"contacts\":[" + new String(contactOf(5_300_000, other),
                StandardCharsets.UTF_8) + "]}";
        Reply refused = EDGE.call("POST", path, admin.token(), tooBig);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
        assertThat(refused.body().path("error").asText()).isEqualTo("Request body is too large (maximum is "
                + (5 << 20) + " bytes)");
        assertThat(EDGE.get(contacts(admin) + "/search?q=" + other.replace(' ', '+'), admin.token()).body()
                .path("payload")).isEmpty();
    }
}
