package io.contacts.command.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code avatar_url} fetched in the background from a server on 127.0.0.1, which this application is configured to
 * allow ({@code contacts.avatars.allow-private-addresses}); {@link AvatarUrlRefusedIT} shows the default refusing it.
 */
@TestPropertySource(properties = "contacts.avatars.allow-private-addresses=true")
class AvatarUrlIT extends CommandServiceIT {

    private static final ImageServer images = new ImageServer();

    @AfterAll
    static void stop() {
        images.close();
    }

    private List<byte[]> avatarsOf(long contactId) {
        return jdbc.queryForList("SELECT bytes FROM contact_avatars WHERE contact_id = ?", byte[].class, contactId);
    }

    @Test
    void theAvatarAppearsAfterTheResponse() {
        Account account = newAccount();
        HttpJson.Response created = http().send("POST", contacts(account), account.adminToken(),
                HttpJson.json(Map.of("name", "Remote", "avatar_url", images.url("/avatar.png"))));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        long id = created.json().path("id").asLong();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(avatarsOf(id)).singleElement().isEqualTo(ImageServer.PNG));
        String key = jdbc.queryForObject("SELECT avatar_key FROM contact_avatars WHERE contact_id = ?", String.class,
                id);
        HttpJson.Response served = http().send("GET", "/avatars/" + key, null, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, String.valueOf(id)))
                .last().asString().endsWith("ContactAvatarChanged");
    }

    @Test
    void redirectsAreFollowedThreeTimesAtMost() {
        Account account = newAccount();
        long followed = createContact(account, Map.of("name", "Hops", "avatar_url", images.url("/hop/2")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(avatarsOf(followed)).singleElement().isEqualTo(ImageServer.PNG));

        int before = images.requests();
        long tooFar = createContact(account, Map.of("name", "Far", "avatar_url", images.url("/hop/3")));
        // hops 0..3 are requested, the fourth answer is one redirect too many
        await().atMost(Duration.ofSeconds(15)).until(() -> images.requests() == before + 4);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> avatarsOf(tooFar).isEmpty());
    }

    @Test
    void somethingThatIsNotAnImageIsDropped() {
        Account account = newAccount();
        int before = images.requests();
        long id = createContact(account, Map.of("name", "Text", "avatar_url", images.url("/text.png")));
        await().atMost(Duration.ofSeconds(15)).until(() -> images.requests() == before + 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> avatarsOf(id).isEmpty());
    }
}
