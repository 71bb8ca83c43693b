package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit on failed token authentications per client address, through the edge, from a loopback address of its
 * own (127.0.0.23) so the other tests, on 127.0.0.1, never meet it. The limit is the stack's
 * ({@code CONTACTS_AUTH_FAILURE_LIMIT}, default 300 per minute).
 */
class FailedAuthenticationLimitIT {

    private static final Edge EDGE = new Edge();
    private static final String GUESSER = "127.0.0.23";
    private static final int LIMIT = Integer.parseInt(System.getenv().getOrDefault("CONTACTS_AUTH_FAILURE_LIMIT",
            "300"));

    private static Edge.Raw request(String source, String path, Map<String, String> headers) {
        return EDGE.socket(source, "GET", path, headers);
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedWhateverItClaimsToBe() throws IOException {
        Member admin = EDGE.newMember(EDGE.newAccount(), "administrator");
        String contacts = Edge.contacts(admin);                                        // read: the query-service
        String inboxes = "/api/v1/accounts/" + admin.accountId() + "/inboxes";        // the command-service
        Edge.Raw answer;
        int attempts = 0;
        do {
            // every guess claims another address: the edge overwrites X-Forwarded-For, so they all count as one
            answer = request(GUESSER, contacts, Map.of("api_access_token", "guess-" + attempts,
                    "X-Forwarded-For", "198.51.100." + (attempts % 250), "X-Real-IP", "198.51.100.1"));
            attempts++;
        } while (answer.status() == 401 && attempts <= 2 * LIMIT + 1);

        assertThat(answer.status()).as("after %d attempts: %s", attempts, answer.body()).isEqualTo(429);
        assertThat(Edge.JSON.readTree(answer.body()))
                .isEqualTo(Edge.JSON.readTree("{\"error\":\"Too many failed authentication attempts\"}"));
        assertThat(Long.parseLong(answer.headers().get("retry-after"))).isBetween(1L, 60L);

        // a valid token from the same address is refused on every route, whatever address it claims
        for (String path : new String[]{contacts, inboxes}) {
            Edge.Raw valid = request(GUESSER, path, Map.of("api_access_token", admin.token(),
                    "X-Forwarded-For", "127.0.0.1"));
            assertThat(valid.status()).as(path + ": " + valid.body()).isEqualTo(429);
            assertThat(valid.headers()).containsKey("retry-after");
        }
        // claiming the refused address from another one blocks nobody
        Edge.Raw other = request("127.0.0.1", inboxes, Map.of("api_access_token", admin.token(),
                "X-Forwarded-For", GUESSER));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        JsonNode body = Edge.JSON.readTree(other.body());
        assertThat(body.path("payload").isArray()).isTrue();
    }
}
