package io.contacts.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A client of the stack's edge that never throws on a transport failure: a refused connection or a timeout is an
 * answer too ({@link Reply#NO_ANSWER}), because under fault injection it is an expected one.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int NO_ANSWER = -1;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl = TestInfrastructure.edgeUrl();

    record Reply(int status, JsonNode body, String raw, long millis) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String error() {
            return body.path("error").asText(body.path("message").asText(""));
        }

        /** A write cut off by a timeout that may still commit: only a retry with its key decides it. */
        boolean inDoubt() {
            return status == 503 && "unknown".equals(body.path("outcome").asText());
        }

        @Override
        public String toString() {
            return status + " " + raw + " (" + millis + " ms)";
        }
    }

    /** A user of an account, with the token its requests carry. */
    record Member(long accountId, String token) {
        String contacts() {
            return "/api/v1/accounts/" + accountId + "/contacts";
        }
    }

    Reply call(String method, String path, String token, Object body) {
        return callUrl(method, baseUrl + path, token, body, Map.of());
    }

    /** With these headers too (an Idempotency-Key, say). */
    Reply call(String method, String path, String token, Object body, Map<String, String> headers) {
        return callUrl(method, baseUrl + path, token, body, headers);
    }

    /** A request to any address of the stack (a service's management port, say). */
    Reply callUrl(String method, String url, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        headers.forEach(request::header);
        if (token != null) {
            request.header("api_access_token", token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String raw = response.body() == null ? "" : response.body();
            return new Reply(response.statusCode(), parse(raw), raw, millis);
        } catch (IOException e) {
            return new Reply(NO_ANSWER, JSON.nullNode(), e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new account with an administrator; fails with what to run when the edge does not answer. */
    Member newAdministrator() {
        String platform = TestInfrastructure.platformToken();
        Reply account = call("POST", "/platform/api/v1/accounts", platform, Map.of("name", "faults " + unique()));
        if (account.status() == NO_ANSWER) {
            throw new IllegalStateException("The stack's edge at " + baseUrl + " does not answer (" + account.raw()
                    + "). Start the stack first: `infra/stack.sh up`, then `set -a; source <run dir>/stack.env`.");
        }
        require(account);
        Reply user = require(call("POST", "/platform/api/v1/users", platform, Map.of("name", "faults " + unique(),
                "email", unique() + "@faults.test", "password", "Secret-" + unique())));
        require(call("POST", "/platform/api/v1/accounts/" + account.body().get("id").asLong() + "/account_users",
                platform, Map.of("user_id", user.body().get("id").asLong(), "role", "administrator")));
        return new Member(account.body().get("id").asLong(), user.body().get("access_token").asText());
    }

    private static Reply require(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("Setting up the suite's account failed: " + reply);
        }
        return reply;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode parse(String raw) {
        if (raw.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.nullNode();   // nginx's HTML error pages: the status says enough
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
