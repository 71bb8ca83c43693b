package io.contacts.command.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the default configuration an {@code avatar_url} on a loopback address is never even requested. */
class AvatarUrlRefusedIT extends CommandServiceIT {

    private static final ImageServer images = new ImageServer();

    @AfterAll
    static void stop() {
        images.close();
    }

    @Test
    void aLoopbackAvatarUrlIsRefused() {
        Account account = newAccount();
        long id = createContact(account, Map.of("name", "Local"));
        HttpJson.Response updated = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                HttpJson.json(Map.of("avatar_url", images.url("/avatar.png"))));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("thumbnail").asText()).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> images.requests() == 0
                && jdbc.queryForObject("SELECT count(*) FROM contact_avatars WHERE contact_id = ?", Long.class, id)
                == 0);
    }
}
