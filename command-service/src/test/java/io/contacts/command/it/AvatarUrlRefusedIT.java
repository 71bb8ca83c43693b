package io.contacts.command.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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

    /** Every spelling of the image server's loopback address, and names that resolve to it (docs/avatars.md). */
    @Test
    void aLoopbackAvatarUrlIsRefusedInEverySpelling() {
        Account account = newAccount();
        String direct = images.url("/avatar.png");
        String port = direct.substring("http://127.0.0.1:".length(), direct.indexOf("/avatar.png"));
        for (String host : List.of("127.0.0.1", "localhost", "localhost.", "127.1", "2130706433", "0x7f.0.0.1",
                "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]")) {
            long id = createContact(account, Map.of("name", "Local"));
            HttpJson.Response updated = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                    HttpJson.json(Map.of("avatar_url", "http://" + host + ":" + port + "/avatar.png")));
            assertThat(updated.status()).as(host + ": " + updated.text()).isEqualTo(200);
            assertThat(updated.json().path("thumbnail").asText()).isEmpty();
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> images.requests() == 0
                && jdbc.queryForObject("SELECT count(*) FROM contact_avatars WHERE account_id = ?", Long.class,
                account.id()) == 0);
    }
}
