package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inboxes, contact_inboxes and contactable_inboxes through the edge (chatwoot-reference.md 3.6, 3.9, 3.16 and the
 * scenarios of section 14 that concern them). Reads right after writes rely on read-your-writes.
 */
class InboxesIT {

    private static final Edge EDGE = new Edge();
    private static final List<String> SECRETS = List.of("imap_login", "imap_password", "imap_address", "imap_port",
            "imap_enabled", "imap_enable_ssl", "smtp_login", "smtp_password", "smtp_address", "smtp_port",
            "smtp_enabled", "smtp_domain", "hmac_token", "provider_config");
    private static Member admin;
    /** A new agent per test: each test decides the agent's inbox memberships itself. */
    private static Member agent;

    @BeforeAll
    static void account() {
        admin = EDGE.newMember(EDGE.newAccount(), "administrator");
    }

    @BeforeEach
    void newAgent() {
        agent = EDGE.newMember(admin.accountId(), "agent");
    }

    private static String inboxes(Member member) {
        return "/api/v1/accounts/" + member.accountId() + "/inboxes";
    }

    private static JsonNode newInbox(Map<String, Object> channel) {
        Reply reply = EDGE.post(inboxes(admin), admin.token(), Map.of("name", "Inbox " + unique(), "channel", channel));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static void addAgent(JsonNode inbox) {
        Reply reply = EDGE.post("/api/v1/accounts/" + admin.accountId() + "/inbox_members", admin.token(),
                Map.of("inbox_id", inbox.get("id").asLong(), "user_ids", List.of(agent.userId())));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("payload").findValuesAsText("email")).hasSize(1);
    }

    private static long newContact(Map<String, Object> fields) {
        Reply reply = EDGE.post(contacts(admin), admin.token(), fields);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().path("payload").path("contact").path("id").asLong();
    }

    private static String phone() {
        return "+49" + (1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
    }

    private static List<Long> inboxIds(Reply reply) {
        List<Long> ids = new ArrayList<>();
        reply.body().path("payload").forEach(item -> ids.add(item.path("inbox").path("id").asLong()));
        return ids;
    }

    @Test
    void inboxesAreCreatedByAdministratorsAndListedByVisibility() {
        JsonNode twilio = newInbox(Map.of("type", "twilio", "medium", "whatsapp", "phone_number", "+15550001"));
        assertThat(twilio.get("channel_type").asText()).isEqualTo("Channel::TwilioSms");
        assertThat(twilio.get("medium").asText()).isEqualTo("whatsapp");
        assertThat(twilio.get("avatar_url").asText()).isEmpty();
        JsonNode api = newInbox(Map.of("type", "api"));
        assertThat(api.get("channel_type").asText()).isEqualTo("Channel::Api");
        assertThat(api.get("channel_id").asLong()).isPositive();

        Reply byAgent = EDGE.post(inboxes(agent), agent.token(), Map.of("name", "x", "channel", Map.of("type", "api")));
        assertThat(byAgent.status()).isEqualTo(401);
        assertThat(byAgent.body().path("error").asText()).isEqualTo("You are not authorized to do this action");
        Reply bad = EDGE.post(inboxes(admin), admin.token(), Map.of("name", "x", "channel", Map.of("type", "fax")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("attributes").toString()).contains("channel");
        Reply noPhone = EDGE.post(inboxes(admin), admin.token(), Map.of("name", "x", "channel", Map.of("type", "sms")));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.body().path("message").asText()).isEqualTo("Phone number can't be blank");

        addAgent(twilio);
        List<Long> adminSees = new ArrayList<>();
        EDGE.get(inboxes(admin), admin.token()).body().path("payload").forEach(i -> adminSees.add(i.get("id").asLong()));
        assertThat(adminSees).contains(twilio.get("id").asLong(), api.get("id").asLong());
        List<Long> agentSees = new ArrayList<>();
        EDGE.get(inboxes(agent), agent.token()).body().path("payload").forEach(i -> agentSees.add(i.get("id").asLong()));
        assertThat(agentSees).containsExactly(twilio.get("id").asLong());
        assertThat(EDGE.get(inboxes(admin), null).status()).isEqualTo(401);
    }

    /** Scenarios 2-4 and 41. */
    @Test
    void createWithAnInboxLinksTheContactAndListsRenderTheSlimInbox() {
        JsonNode website = newInbox(Map.of("type", "web_widget"));
        String email = "linked-" + unique() + "@example.com";
        Reply created = EDGE.post(contacts(admin), admin.token(),
                Map.of("name", "Linked", "email", email, "inbox_id", website.get("id").asLong()));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode contactInbox = created.body().path("payload").path("contact_inbox");
        String sourceId = contactInbox.path("source_id").asText();
        assertThat(sourceId).matches("[0-9a-f-]{36}");
        assertThat(contactInbox.path("inbox").path("id").asLong()).isEqualTo(website.get("id").asLong());
        assertThat(created.body().path("payload").path("contact").path("contact_inboxes").findValuesAsText("source_id"))
                .containsExactly(sourceId);

        Reply listed = EDGE.get(contacts(admin) + "?per_page=100", admin.token());
        assertThat(listed.body().path("payload").findValuesAsText("source_id")).contains(sourceId);
        assertThat(listed.body().path("payload").findValuesAsText("email")).contains(email);

        Reply without = EDGE.get(contacts(admin) + "?include_contact_inboxes=false&per_page=100", admin.token());
        assertThat(without.body().path("payload").findValuesAsText("email")).contains(email);
        without.body().path("payload").forEach(c -> assertThat(c.has("contact_inboxes")).isFalse());

        Reply with = EDGE.get(contacts(admin) + "?include_contact_inboxes=true&per_page=100", admin.token());
        JsonNode inbox = null;
        for (JsonNode contact : with.body().path("payload")) {
            if (contact.path("email").asText().equals(email)) {
                inbox = contact.path("contact_inboxes").get(0).path("inbox");
            }
        }
        assertThat(inbox).isNotNull();
        List<String> keys = new ArrayList<>();
        inbox.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "avatar_url", "channel_id", "name", "channel_type", "provider");
        assertThat(keys).doesNotContainAnyElementsOf(SECRETS);
        assertThat(inbox.path("channel_type").asText()).isEqualTo("Channel::WebWidget");
    }

    @Test
    void createWithAnUnknownInboxCreatesNothing() {
        String email = "ghost-" + unique() + "@example.com";
        Member other = EDGE.newMember(EDGE.newAccount(), "administrator");
        JsonNode foreign = EDGE.post(inboxes(other), other.token(),
                Map.of("name", "x", "channel", Map.of("type", "api"))).body();
        for (long inboxId : List.of(foreign.get("id").asLong(), 999_999_999L)) {
            Reply reply = EDGE.post(contacts(admin), admin.token(), Map.of("name", "Ghost", "email", email,
                    "inbox_id", inboxId));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo(Edge.JSON.valueToTree(Map.of("error", "Inbox not found")));
        }
        assertThat(EDGE.get(contacts(admin) + "/search?q=" + email, admin.token()).body().path("payload")).isEmpty();
        assertThat(newContact(Map.of("email", email))).as("the email is still free").isPositive();
    }

    @Test
    void createWithAPhoneInboxButNoPhoneIsAParamErrorAndCreatesNothing() {
        JsonNode sms = newInbox(Map.of("type", "sms", "phone_number", "+15550002"));
        String email = "nophone-" + unique() + "@example.com";
        Reply reply = EDGE.post(contacts(admin), admin.token(), Map.of("email", email, "inbox_id", sms.get("id")));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().path("error").asText())
                .isEqualTo("param is missing or the value is empty: contact phone number");
        assertThat(newContact(Map.of("email", email))).as("the email is still free").isPositive();
    }

    /** Scenarios 73-77. */
    @Test
    void agentsLinkContactsToInboxesTheyAreMembersOf() {
        long contact = newContact(Map.of("name", "Foo", "email", "f.o.o.b.a.r" + unique() + "@gmail.com"));
        String path = contacts(admin) + "/" + contact + "/contact_inboxes";
        JsonNode api = newInbox(Map.of("type", "api"));
        JsonNode email = newInbox(Map.of("type", "email", "email", "support-" + unique() + "@example.com"));
        JsonNode twilio = newInbox(Map.of("type", "twilio", "medium", "sms", "phone_number", "+15550003"));
        JsonNode notMine = newInbox(Map.of("type", "api"));
        addAgent(api);
        addAgent(email);
        addAgent(twilio);

        assertThat(EDGE.post(path, null, Map.of("inbox_id", api.get("id"))).status()).isEqualTo(401);

        Reply viaApi = EDGE.post(path, agent.token(), Map.of("inbox_id", api.get("id")));
        assertThat(viaApi.status()).as(viaApi.raw()).isEqualTo(200);
        assertThat(viaApi.body().has("payload")).isFalse();
        assertThat(viaApi.body().path("inbox").path("id").asLong()).isEqualTo(api.get("id").asLong());
        assertThat(viaApi.body().path("source_id").asText()).isNotEmpty();

        Reply viaEmail = EDGE.post(path, agent.token(), Map.of("inbox_id", email.get("id")));
        assertThat(viaEmail.status()).isEqualTo(200);
        Reply again = EDGE.post(path, agent.token(), Map.of("inbox_id", email.get("id")));
        assertThat(again.body()).as("idempotent").isEqualTo(viaEmail.body());

        Reply hmac = EDGE.post(path, agent.token(), Map.of("inbox_id", api.get("id"), "source_id", "hmac-" + unique(),
                "hmac_verified", true));
        assertThat(hmac.status()).isEqualTo(200);

        Reply noPhone = EDGE.post(path, agent.token(), Map.of("inbox_id", twilio.get("id")));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.body().path("error").asText())
                .isEqualTo("param is missing or the value is empty: contact phone number");

        Reply forbidden = EDGE.post(path, agent.token(), Map.of("inbox_id", notMine.get("id")));
        assertThat(forbidden.status()).isEqualTo(401);
        assertThat(forbidden.body().path("error").asText()).isEqualTo("You are not authorized to do this action");
        assertThat(EDGE.post(path, admin.token(), Map.of("inbox_id", 999_999_999L)).status()).isEqualTo(404);

        JsonNode links = EDGE.get(contacts(admin) + "/" + contact, admin.token()).body().path("payload")
                .path("contact_inboxes");
        assertThat(links).hasSize(3);
        assertThat(links.findValuesAsText("source_id")).contains(viaEmail.body().path("source_id").asText(),
                hmac.body().path("source_id").asText());
    }

    /** Scenarios 36-37 and 116-119. */
    @Test
    void contactableInboxesFollowTheChannelRulesAndTheCallersInboxes() {
        String phone = phone();
        String email = "reach-" + unique() + "@example.com";
        JsonNode twilioSms = newInbox(Map.of("type", "twilio", "medium", "sms", "phone_number", "+15550004"));
        JsonNode twilioWa = newInbox(Map.of("type", "twilio", "medium", "whatsapp", "phone_number", "+15550005"));
        JsonNode mail = newInbox(Map.of("type", "email", "email", "desk-" + unique() + "@example.com"));
        JsonNode sms = newInbox(Map.of("type", "sms", "phone_number", "+15550006"));
        JsonNode whatsapp = newInbox(Map.of("type", "whatsapp", "phone_number", "+15550007"));
        JsonNode api = newInbox(Map.of("type", "api"));
        JsonNode linkedWebsite = newInbox(Map.of("type", "web_widget"));
        JsonNode website = newInbox(Map.of("type", "web_widget"));
        long contact = newContact(Map.of("name", "Reach", "email", email, "phone_number", phone,
                "inbox_id", api.get("id")));
        String path = contacts(admin) + "/" + contact;
        String apiSource = EDGE.get(path, admin.token()).body().path("payload").path("contact_inboxes").get(0)
                .path("source_id").asText();
        String widgetSource = EDGE.post(path + "/contact_inboxes", admin.token(),
                Map.of("inbox_id", linkedWebsite.get("id"))).body().path("source_id").asText();

        assertThat(EDGE.get(path + "/contactable_inboxes", null).status()).isEqualTo(401);
        Reply all = EDGE.get(path + "/contactable_inboxes", admin.token());
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        Map<Long, String> offered = new HashMap<>();
        all.body().path("payload").forEach(item -> offered.put(item.path("inbox").path("id").asLong(),
                item.path("source_id").asText()));
        assertThat(offered).containsEntry(twilioSms.get("id").asLong(), phone)
                .containsEntry(twilioWa.get("id").asLong(), "whatsapp:" + phone)
                .containsEntry(mail.get("id").asLong(), email)
                .containsEntry(sms.get("id").asLong(), phone)
                .containsEntry(whatsapp.get("id").asLong(), phone.substring(1))
                .containsEntry(api.get("id").asLong(), apiSource)
                .containsEntry(linkedWebsite.get("id").asLong(), widgetSource)
                .doesNotContainKey(website.get("id").asLong());
        all.body().path("payload").forEach(item -> assertThat(item.path("inbox").has("hmac_token")).isFalse());

        addAgent(twilioWa);
        Reply agents = EDGE.get(path + "/contactable_inboxes", agent.token());
        assertThat(agents.status()).isEqualTo(200);
        assertThat(inboxIds(agents)).containsExactly(twilioWa.get("id").asLong());
        assertThat(EDGE.get(contacts(admin) + "/999999999/contactable_inboxes", admin.token()).status())
                .isEqualTo(404);
    }
}
