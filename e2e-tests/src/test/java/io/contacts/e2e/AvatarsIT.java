package io.contacts.e2e;

import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Avatars through the edge (chatwoot-reference.md scenarios 47, 48, 57, 58). */
class AvatarsIT {

    private static final Edge EDGE = new Edge();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static Member admin;
    private static Member agent;

    @BeforeAll
    static void account() {
        long account = EDGE.newAccount();
        admin = EDGE.newMember(account, "administrator");
        agent = EDGE.newMember(account, "agent");
    }

    @Test
    void anUploadedAvatarIsServedAtTheAbsoluteThumbnailUrl() {
        String name = "Pic " + unique();
        Reply created = EDGE.multipart("POST", contacts(admin), admin.token(), Map.of("name", name), "avatar",
                "me.bin", "application/octet-stream", PNG);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String thumbnail = created.body().path("payload").path("contact").path("thumbnail").asText();
        assertThat(thumbnail).startsWith(TestInfrastructure.edgeUrl() + "/avatars/")
                .isEqualTo(created.body().path("thumbnail").asText());

        HttpResponse<byte[]> image = EDGE.fetch(thumbnail);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("immutable");

        long id = created.body().path("id").asLong();
        assertThat(EDGE.get(contacts(admin) + "/" + id, agent.token()).body().path("payload").path("thumbnail")
                .asText()).isEqualTo(thumbnail);
        assertThat(EDGE.fetch(TestInfrastructure.edgeUrl() + "/avatars/" + unique()).statusCode()).isEqualTo(404);
    }

    @Test
    void anUpdateReplacesTheAvatarAndAnAgentRemovesIt() {
        long id = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Swap " + unique())).body()
                .path("id").asLong();
        Reply updated = EDGE.multipart("PATCH", contacts(admin) + "/" + id, admin.token(), Map.of(), "avatar",
                "a.png", "image/png", PNG);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        String thumbnail = updated.body().path("payload").path("thumbnail").asText();
        assertThat(thumbnail).contains("/avatars/");

        Reply removed = EDGE.call("DELETE", contacts(admin) + "/" + id + "/avatar", agent.token(), null);
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(removed.body().path("payload").path("thumbnail").asText()).isEmpty();
        assertThat(removed.body().path("thumbnail").asText()).isEmpty();
        assertThat(removed.body().path("payload").has("contact_inboxes")).isFalse();
        assertThat(EDGE.fetch(thumbnail).statusCode()).isEqualTo(404);
        assertThat(EDGE.get(contacts(admin) + "/" + id, admin.token()).body().path("payload").path("thumbnail")
                .asText()).isEmpty();

        Reply again = EDGE.call("DELETE", contacts(admin) + "/" + id + "/avatar", agent.token(), null);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(EDGE.call("DELETE", contacts(admin) + "/" + id + "/avatar", null, null).status())
                .isEqualTo(401);
    }

    @Test
    void textNamedPngIsRefusedAndNothingIsCreated() {
        String name = "Fake " + unique();
        Reply refused = EDGE.multipart("POST", contacts(admin), admin.token(), Map.of("name", name), "avatar",
                "avatar.png", "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("error").asText()).isEqualTo("Validation failed");
        assertThat(refused.body().path("message").asText()).isEqualTo("Avatar filetype not supported");
        assertThat(refused.body().path("attributes").toString()).isEqualTo("[\"avatar\"]");
        Reply found = EDGE.get(contacts(admin) + "/search?q=" + name.replace(" ", "%20"), admin.token());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("meta").path("count").asLong()).isZero();
    }

    @Test
    void anAvatarOverFifteenMegabytesIsTooBig() {
        byte[] big = new byte[15 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        String name = "Big " + unique();
        Reply refused = EDGE.multipart("POST", contacts(admin), admin.token(), Map.of("name", name), "avatar",
                "big.png", "image/png", big);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("message").asText()).isEqualTo("Avatar is too big");
        assertThat(refused.body().path("attributes").toString()).isEqualTo("[\"avatar\"]");
        Reply found = EDGE.get(contacts(admin) + "/search?q=" + name.replace(" ", "%20"), admin.token());
        assertThat(found.body().path("meta").path("count").asLong()).isZero();
    }

    @Test
    void aJsonBodyKeepsItsOneMegabyteLimit() {
        String huge = "x".repeat(1024 * 1024 + 10);
        Reply refused = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Long", "identifier", huge));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
    }
}
