package io.contacts.command.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE asks the query side whether the contact is online, and deletes nothing unless it knows it is not. */
class DeleteGuardIT extends CommandServiceIT {

    private Account account;

    @BeforeEach
    void setUp() {
        account = newAccount();
    }

    private HttpJson.Response delete(long id) {
        return http().send("DELETE", contacts(account) + "/" + id, account.adminToken(), null);
    }

    private long events(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                String.valueOf(id));
    }

    @Test
    void anOnlineContactIsNotDeleted() {
        long id = createContact(account, Map.of("name", "John Doe", "email", uniqueEmail()));
        queryService.set(id, QueryServiceStandIn.Presence.ONLINE);
        long before = events(id);

        HttpJson.Response refused = delete(id);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json()).isEqualTo(HttpJson.parse(
                "{\"message\":\"Cannot delete John Doe while they are online\"}"));
        assertThat(events(id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE contact_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void aContactWithoutHeartbeatsIsDeleted() {
        long id = createContact(account, Map.of("name", "Never Seen"));
        assertThat(delete(id).status()).isEqualTo(200);
        assertThat(delete(id).status()).isEqualTo(404);
    }

    @Test
    void whenPresenceIsUnknownNothingIsDeleted() {
        long id = createContact(account, Map.of("name", "Unknown"));
        queryService.set(id, QueryServiceStandIn.Presence.BROKEN);
        long before = events(id);

        HttpJson.Response refused = delete(id);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().path("error").asText()).isNotBlank();
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void agentsAreRefusedBeforePresenceMatters() {
        long id = createContact(account, Map.of("name", "Agent Target"));
        queryService.set(id, QueryServiceStandIn.Presence.BROKEN);
        HttpJson.Response refused = http().send("DELETE", contacts(account) + "/" + id, account.agentToken(), null);
        assertThat(refused.status()).isEqualTo(401);
    }
}
