package io.contacts.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, users with their access token, and memberships through Chatwoot's platform API. */
class PlatformApiIT extends CommandServiceIT {

    private HttpJson.Response platform(String path, String token, Object body) {
        return http().send("POST", path, token, HttpJson.json(body));
    }

    @Test
    void requiresThePlatformToken() {
        for (String token : new String[]{null, "wrong", PLATFORM_TOKEN + "x"}) {
            HttpJson.Response response = platform("/platform/api/v1/accounts", token, Map.of("name", "x"));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("error").asText()).isEqualTo("Invalid Access Token");
        }
    }

    @Test
    void createsAccountsUsersAndMemberships() throws Exception {
        JsonNode account = platform("/platform/api/v1/accounts", PLATFORM_TOKEN, Map.of("name", "Acme")).json();
        assertThat(account.path("id").asLong()).isPositive();
        assertThat(account.path("name").asText()).isEqualTo("Acme");

        String email = uniqueEmail();
        HttpJson.Response created = platform("/platform/api/v1/users", PLATFORM_TOKEN,
                Map.of("name", "Jane", "email", email.toUpperCase(), "password", "s3cret-pass"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode user = created.json();
        assertThat(user.path("email").asText()).isEqualTo(email);
        String token = user.path("access_token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_tokens WHERE token_sha256 = ?", Long.class,
                sha256)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class,
                user.path("id").asLong())).startsWith("$2a$").doesNotContain("s3cret-pass");
        assertThat(textColumnsContaining(token)).as("no column of any table holds the token itself").isEmpty();
        assertThat(textColumnsContaining("s3cret-pass")).as("nor the password").isEmpty();

        String members = "/platform/api/v1/accounts/" + account.path("id").asLong() + "/account_users";
        JsonNode member = platform(members, PLATFORM_TOKEN, Map.of("user_id", user.path("id").asLong(),
                "role", "agent")).json();
        assertThat(member.path("account_id").asLong()).isEqualTo(account.path("id").asLong());
        assertThat(member.path("user_id").asLong()).isEqualTo(user.path("id").asLong());
        assertThat(member.path("role").asText()).isEqualTo("agent");
        assertThat(platform(members, PLATFORM_TOKEN, Map.of("user_id", user.path("id").asLong(),
                "role", "administrator")).json().path("role").asText()).isEqualTo("administrator");

        HttpJson.Response create = http().send("POST", "/api/v1/accounts/" + account.path("id").asLong()
                + "/contacts", token, "{}");
        assertThat(create.status()).isEqualTo(200);
    }

    @Test
    void validatesWith422() {
        HttpJson.Response account = platform("/platform/api/v1/accounts", PLATFORM_TOKEN, Map.of("name", " "));
        assertThat(account.status()).isEqualTo(422);
        assertThat(account.json().path("message").asText()).isEqualTo("Name can't be blank");

        HttpJson.Response user = platform("/platform/api/v1/users", PLATFORM_TOKEN,
                Map.of("name", "J", "email", "nope", "password", "123"));
        assertThat(user.status()).isEqualTo(422);
        assertThat(user.json().path("message").asText())
                .isEqualTo("Email is invalid, Password is too short (minimum is 6 characters)");
        assertThat(user.json().path("attributes").toString()).isEqualTo("[\"email\",\"password\"]");

        String email = uniqueEmail();
        Map<String, Object> valid = Map.of("name", "J", "email", email, "password", "s3cret-pass");
        assertThat(platform("/platform/api/v1/users", PLATFORM_TOKEN, valid).status()).isEqualTo(200);
        HttpJson.Response taken = platform("/platform/api/v1/users", PLATFORM_TOKEN, valid);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().path("message").asText()).isEqualTo("Email has already been taken");

        long accountId = platform("/platform/api/v1/accounts", PLATFORM_TOKEN, Map.of("name", "A")).json()
                .path("id").asLong();
        HttpJson.Response badRole = platform("/platform/api/v1/accounts/" + accountId + "/account_users",
                PLATFORM_TOKEN, Map.of("user_id", 1, "role", "owner"));
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.json().path("message").asText()).isEqualTo("Role is not included in the list");
        assertThat(platform("/platform/api/v1/accounts/" + accountId + "/account_users", PLATFORM_TOKEN,
                Map.of("user_id", 999_999_999, "role", "agent")).status()).isEqualTo(404);
        assertThat(platform("/platform/api/v1/accounts/999999999/account_users", PLATFORM_TOKEN,
                Map.of("user_id", 1, "role", "agent")).json().path("error").asText()).isEqualTo("Account not found");
    }

    /** Every "table.column" (text or bytes) of the database whose value contains {@code secret}. */
    private List<String> textColumnsContaining(String secret) {
        List<String> found = new ArrayList<>();
        jdbc.query("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea')", row -> {
            String table = row.getString("table_name");
            String column = row.getString("column_name");
            boolean bytes = row.getString("data_type").equals("bytea");
            Long hits = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE position(?"
                    + (bytes ? "::bytea" : "") + " in \"" + column + "\") > 0", Long.class,
                    bytes ? secret.getBytes(StandardCharsets.UTF_8) : secret);
            if (hits != null && hits > 0) {
                found.add(table + "." + column);
            }
        });
        return found;
    }
}
