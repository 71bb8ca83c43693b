package io.contacts.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactState;
import io.contacts.events.json.ContactEventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The internal event stream: the whole store in contact order, page by page, as contract events. */
class EventStreamIT extends CommandServiceIT {

    @Test
    void pagesCoverTheStoreInContactOrderWithTheContractsBodies() {
        Account account = newAccount();
        long first = createContact(account, Map.of("name", "Stream One", "email", uniqueEmail(), "blocked", true));
        long second = createContact(account, Map.of("name", "Stream Two"));
        http().send("PATCH", contacts(account) + "/" + first, account.adminToken(), "{\"name\":\"Stream 1\"}");
        http().send("POST", contacts(account) + "/" + second + "/labels", account.adminToken(),
                "{\"labels\":[\"vip\"]}");
        http().send("DELETE", contacts(account) + "/" + second, account.adminToken(), null);

        Long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HttpJson.Response page = http().send("GET", "/internal/v1/events?limit=3"
                    + (after == null ? "" : "&after=" + after), null, null);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("events").forEach(events::add);
            after = page.json().path("next").isNull() ? null : page.json().path("next").asText();
            pages++;
        } while (after != null);

        assertThat(events.size()).isGreaterThanOrEqualTo(stored.intValue());
        assertThat(pages).isGreaterThan(1);
        // contact order: each contact's events together, in sequence
        Map<Long, Long> lastSequence = new HashMap<>();
        long previousContact = -1;
        for (JsonNode event : events) {
            long contact = event.path("contact_id").asLong();
            long sequence = event.path("sequence").asLong();
            if (contact != previousContact) {
                assertThat(lastSequence).as("contact %s comes back", contact).doesNotContainKey(contact);
            }
            assertThat(sequence).isEqualTo(lastSequence.getOrDefault(contact, -1L) + 1);
            lastSequence.put(contact, sequence);
            previousContact = contact;
        }

        assertThat(events.stream().filter(e -> e.path("contact_id").asLong() == first)
                .map(e -> e.path("type").asText()))
                .containsExactly("contact.created.v1", "contact.blocked.v1", "contact.updated.v1");
        ContactState one = fold(events, first);
        assertThat(one.name()).isEqualTo("Stream 1");
        assertThat(one.blocked()).isTrue();
        assertThat(one.accountId()).isEqualTo(account.id());
        ContactState two = fold(events, second);
        assertThat(two.labels()).containsExactly("vip");
        assertThat(two.deleted()).isTrue();

        JsonNode created = events.stream().filter(e -> e.path("contact_id").asLong() == first).findFirst()
                .orElseThrow();
        assertThat(created.path("account_id").asLong()).isEqualTo(account.id());
        String storedTime = jdbc.queryForObject("SELECT timestamp FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, String.valueOf(first));
        assertThat(created.path("time").asText())
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(Instant.parse(storedTime)));
    }

    @Test
    void aBadCursorOrLimitIsA400() {
        assertThat(http().send("GET", "/internal/v1/events?after=nonsense", null, null).status()).isEqualTo(400);
        assertThat(http().send("GET", "/internal/v1/events?after=12:x", null, null).status()).isEqualTo(400);
        HttpJson.Response tooMany = http().send("GET", "/internal/v1/events?limit=10001", null, null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("error").asText()).contains("limit");
    }

    private static ContactState fold(List<JsonNode> events, long contactId) {
        ContactState state = null;
        for (JsonNode e : events) {
            if (e.path("contact_id").asLong() != contactId) {
                continue;
            }
            ContactEvent event = ContactEventJson.read(e.path("type").asText(),
                    e.path("data").toString().getBytes(StandardCharsets.UTF_8));
            long sequence = e.path("sequence").asLong();
            Instant time = Instant.parse(e.path("time").asText());
            state = state == null ? ContactState.created((ContactCreated) event, sequence, time)
                    : state.apply(event, sequence, time);
        }
        return state;
    }
}
