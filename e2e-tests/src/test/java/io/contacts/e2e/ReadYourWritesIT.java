package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write's answer is the contact the next read shows, exactly: the same keys in the same order, the same values
 * (custom attributes of every JSON type, the slim inbox of each link, the avatar URL, whether the contact is online).
 * The answer is rendered by the command side, the read by the query side; there is no waiting between the two.
 */
class ReadYourWritesIT {

    private static final Edge EDGE = new Edge();
    private static Member admin;

    @BeforeAll
    static void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
    }

    @Test
    void aCreateAnswersTheContactTheNextReadShows() {
        String tag = unique();
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("plan", "gold");
        custom.put("seats", 3);
        custom.put("ratio", 0.25);
        custom.put("whole", 5.0);
        custom.put("big", 12345678901234L);
        custom.put("trial", true);
        custom.put("nothing", null);
        custom.put("tags", Arrays.asList("a", 1, false, null));
        Map<String, Object> deeper = new LinkedHashMap<>();
        deeper.put("deeper", "x");
        deeper.put("gone", null);
        custom.put("nested", Map.of("deep", deeper));
        Reply created = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Ada " + tag,
                "email", "ada." + tag + "@example.com", "phone_number", "+4915" + Math.abs(tag.hashCode()),
                "identifier", "crm-" + tag, "custom_attributes", custom,
                "additional_attributes", Map.of("city", "Berlin", "company_name", "Analytical")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode answered = created.body().path("payload").path("contact");

        Reply shown = show(answered.path("id").asLong(), "");
        assertThat(answered.toString()).isEqualTo(shown.body().path("payload").toString());
        assertThat(flat(created.body()).toString()).isEqualTo(flat(shown.body()).toString());
    }

    @Test
    void anUpdateAnswersTheContactTheNextReadShowsAlsoWhenOnline() {
        long id = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Grace " + unique(),
                "custom_attributes", Map.of("plan", "silver"))).body().path("id").asLong();
        Reply beat = EDGE.post(contacts(admin) + "/" + id + "/presence", admin.token(), null);
        assertThat(beat.status()).as(beat.raw()).isEqualTo(200);

        Reply updated = EDGE.call("PATCH", contacts(admin) + "/" + id, admin.token(), Map.of("name", "Grace Hopper",
                "custom_attributes", Map.of("seats", 5), "additional_attributes", Map.of("country", "US"),
                "blocked", true));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().path("availability_status").asText()).isEqualTo("online");
        Reply shown = show(id, "");
        assertThat(updated.body().toString()).isEqualTo(shown.body().toString());

        Reply slim = EDGE.call("PUT", contacts(admin) + "/" + id + "?include_contact_inboxes=false", admin.token(),
                Map.of("identifier", "id-" + unique()));
        assertThat(slim.status()).as(slim.raw()).isEqualTo(200);
        assertThat(slim.body().toString()).isEqualTo(show(id, "?include_contact_inboxes=false").body().toString());

        Reply unchanged = EDGE.call("PATCH", contacts(admin) + "/" + id, admin.token(), Map.of("name", "Grace Hopper"));
        assertThat(unchanged.status()).as(unchanged.raw()).isEqualTo(200);
        assertThat(unchanged.body().path("availability_status").asText()).isEqualTo("online");
        assertThat(unchanged.body().toString()).isEqualTo(show(id, "").body().toString());
    }

    @Test
    void anInboxLinkedContactAnswersTheSlimInboxesTheNextReadShows() {
        Reply inbox = EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                Map.of("name", "Inbox " + unique(), "channel", Map.of("type", "web_widget")));
        assertThat(inbox.status()).as(inbox.raw()).isEqualTo(200);
        Reply created = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Linked " + unique(),
                "inbox_id", inbox.body().path("id").asLong()));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode answered = created.body().path("payload").path("contact");
        assertThat(answered.path("contact_inboxes")).hasSize(1);
        long id = answered.path("id").asLong();
        assertThat(answered.toString()).isEqualTo(show(id, "").body().path("payload").toString());

        Reply other = EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inboxes", admin.token(),
                Map.of("name", "Api " + unique(), "channel", Map.of("type", "api")));
        Reply linked = EDGE.post(contacts(admin) + "/" + id + "/contact_inboxes", admin.token(),
                Map.of("inbox_id", other.body().path("id").asLong()));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
        JsonNode shownLinks = show(id, "").body().path("payload").path("contact_inboxes");
        assertThat(shownLinks).hasSize(2);
        assertThat(linked.body().toString()).isEqualTo(shownLinks.get(1).toString());
    }

    private static Reply show(long id, String query) {
        Reply shown = EDGE.get(contacts(admin) + "/" + id + query, admin.token());
        assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
        return shown;
    }

    /** The contact at the top level of a single-contact answer, without its payload. */
    private static JsonNode flat(JsonNode answer) {
        ObjectNode flat = answer.deepCopy();
        flat.remove("payload");
        return flat;
    }
}
