package io.contacts.e2e;

import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence through the edge (chatwoot-reference.md scenarios 19–21, 52–53): the heartbeat goes to the query-service,
 * the delete guard of the command-service asks it. The stack's window is the default 20 s, far longer than a test.
 */
class PresenceIT {

    private static final Edge EDGE = new Edge();
    private static Member admin;
    private static Member agent;

    @BeforeAll
    static void account() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
    }

    private long create(String name) {
        Reply created = EDGE.post(contacts(admin), admin.token(), Map.of("name", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.body().path("availability_status").asText()).isEqualTo("offline");
        return created.body().path("id").asLong();
    }

    @Test
    void anOnlineContactIsListedAsActiveAndCannotBeDeleted() {
        String name = "Olive " + unique();
        long id = create(name);
        Reply nobody = EDGE.get(contacts(admin) + "/active", admin.token());
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.raw()).doesNotContain(name);
        assertThat(nobody.body().path("meta").path("count").asLong()).isZero();

        Reply beat = EDGE.post(contacts(admin) + "/" + id + "/presence", agent.token(), null);
        assertThat(beat.status()).as(beat.raw()).isEqualTo(200);
        assertThat(beat.body().path("availability_status").asText()).isEqualTo("online");

        Reply shown = EDGE.get(contacts(admin) + "/" + id, admin.token());
        assertThat(shown.body().path("payload").path("availability_status").asText()).isEqualTo("online");
        Reply active = EDGE.get(contacts(admin) + "/active", admin.token());
        assertThat(active.status()).as(active.raw()).isEqualTo(200);
        assertThat(active.body().path("meta").path("count").asLong()).isEqualTo(1);
        assertThat(active.body().path("payload").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(active.raw()).contains(name);

        Reply refused = EDGE.call("DELETE", contacts(admin) + "/" + id, admin.token(), null);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("message").asText())
                .isEqualTo("Cannot delete " + name + " while they are online");
        assertThat(EDGE.get(contacts(admin) + "/" + id, admin.token()).status()).isEqualTo(200);
    }

    @Test
    void aContactThatNeverBeatDeletesFine() {
        long id = create("Never " + unique());
        Reply deleted = EDGE.call("DELETE", contacts(admin) + "/" + id, admin.token(), null);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(EDGE.get(contacts(admin) + "/" + id, admin.token()).status()).isEqualTo(404);
        assertThat(EDGE.post(contacts(admin) + "/" + id + "/presence", admin.token(), null).status())
                .isEqualTo(404);
    }

    @Test
    void bothEndpointsNeedAToken() {
        long id = create("Anonymous " + unique());
        assertThat(EDGE.get(contacts(admin) + "/active", null).status()).isEqualTo(401);
        assertThat(EDGE.post(contacts(admin) + "/" + id + "/presence", null, null).status()).isEqualTo(401);
    }
}
