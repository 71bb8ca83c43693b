package io.contacts.command.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Chatwoot's authentication and account access, on the public API and the query-service's internal check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT extends CommandServiceIT {

    private Account account;
    private Account otherAccount;
    private long contact;

    @BeforeAll
    void setUp() {
        account = newAccount();
        otherAccount = newAccount();
        contact = createContact(account, Map.of("name", "Guarded"));
    }

    private HttpJson.Response create(String token, long accountId) {
        return http().send("POST", "/api/v1/accounts/" + accountId + "/contacts", token, "{\"name\":\"x\"}");
    }

    @Test
    void noTokenIs401WithDevisesMessage() {
        HttpJson.Response response = create(null, account.id());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").asText())
                .isEqualTo("You need to sign in or sign up before continuing.");
        assertThat(response.json().path("errors").get(0).asText())
                .isEqualTo("You need to sign in or sign up before continuing.");
    }

    @Test
    void anUnknownTokenIs401() {
        HttpJson.Response response = create("not-a-token", account.id());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").asText()).isEqualTo("Invalid Access Token");
    }

    @Test
    void anotherAccountsTokenIs401() {
        HttpJson.Response response = create(otherAccount.adminToken(), account.id());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").asText()).isEqualTo("You are not authorized to access this account");
    }

    @Test
    void anUnknownAccountIs404() {
        for (String accountId : new String[]{"999999999", "abc"}) {
            HttpJson.Response response = http().send("POST", "/api/v1/accounts/" + accountId + "/contacts",
                    account.adminToken(), "{}");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().path("error").asText()).isEqualTo("Account not found");
        }
    }

    @Test
    void anAgentMayWriteButNotDelete() {
        assertThat(create(account.agentToken(), account.id()).status()).isEqualTo(200);
        assertThat(http().send("PATCH", contacts(account) + "/" + contact, account.agentToken(), "{\"name\":\"y\"}")
                .status()).isEqualTo(200);

        HttpJson.Response delete = http().send("DELETE", contacts(account) + "/" + contact, account.agentToken(),
                null);
        assertThat(delete.status()).isEqualTo(401);
        assertThat(delete.json().path("error").asText()).isEqualTo("You are not authorized to do this action");
    }

    @Test
    void authenticationComesBeforeTheBodyIsRead() {
        assertThat(http().send("POST", contacts(account), null, "{not json").status()).isEqualTo(401);
    }

    @Test
    void theInternalAccessCheckGivesTheSameDecisions() {
        String path = "/internal/v1/accounts/" + account.id() + "/access";
        HttpJson.Response admin = http().send("GET", path, account.adminToken(), null);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("role").asText()).isEqualTo("administrator");
        assertThat(admin.json().path("user_id").asLong()).isPositive();
        assertThat(admin.json().path("email").asText()).endsWith("@example.com");
        assertThat(http().send("GET", path, account.agentToken(), null).json().path("role").asText())
                .isEqualTo("agent");

        assertThat(http().send("GET", path, null, null).status()).isEqualTo(401);
        assertThat(http().send("GET", path, "not-a-token", null).json().path("error").asText())
                .isEqualTo("Invalid Access Token");
        assertThat(http().send("GET", path, otherAccount.adminToken(), null).status()).isEqualTo(401);
        assertThat(http().send("GET", "/internal/v1/accounts/999999999/access", account.adminToken(), null)
                .status()).isEqualTo(404);
    }
}
