package io.contacts.command.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit on failed authentications per client address, as configured. Requests come from 127.0.0.1, an internal
 * proxy, so their {@code X-Forwarded-For} names the client (as the edge and the query-service send it); the
 * addresses here are documentation addresses no other test uses. (The shared application context: another one would
 * run its own publishers against the same event store.)
 */
class FailedAuthenticationLimitIT extends CommandServiceIT {

    @Value("${contacts.auth-failures.limit}")
    int limit;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token, String client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", client);
        if (token != null) {
            request.header("api_access_token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String client, String json) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", client).header("api_access_token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAddressOverTheLimitIsRefusedEvenWithAValidTokenOthersAreNot() throws Exception {
        Account account = newAccount();
        String inboxes = "/api/v1/accounts/" + account.id() + "/inboxes";
        String access = "/internal/v1/accounts/" + account.id() + "/access";
        for (int i = 0; i < limit; i++) {
            assertThat(get(inboxes, "guess-" + i, "203.0.113.7").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = get(inboxes, account.adminToken(), "203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Too many failed authentication attempts\"}");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        HttpResponse<String> write = post(contacts(account), account.adminToken(), "203.0.113.7", "{\"name\":\"X\"}");
        assertThat(write.statusCode()).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ?", Long.class,
                account.id())).isZero();
        // the query-service's access check is refused alike, with the same Retry-After
        HttpResponse<String> internal = get(access, account.adminToken(), "203.0.113.7");
        assertThat(internal.statusCode()).isEqualTo(429);
        assertThat(internal.headers().firstValue("Retry-After")).isPresent();

        assertThat(get(inboxes, account.adminToken(), "203.0.113.8").statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokensAndValidTokensOfAnotherAccountAreNotCounted() throws Exception {
        Account account = newAccount();
        Account other = newAccount();
        String inboxes = "/api/v1/accounts/" + account.id() + "/inboxes";
        for (int i = 0; i < 5; i++) {
            assertThat(get(inboxes, null, "203.0.113.9").statusCode()).isEqualTo(401);
            HttpResponse<String> foreign = get(inboxes, other.adminToken(), "203.0.113.9");
            assertThat(foreign.statusCode()).isEqualTo(401);
            assertThat(foreign.body()).contains("You are not authorized to access this account");
        }
        assertThat(get(inboxes, account.adminToken(), "203.0.113.9").statusCode()).isEqualTo(200);
    }
}
