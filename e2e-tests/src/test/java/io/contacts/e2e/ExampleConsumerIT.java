package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.e2e.Edge.Member;
import io.contacts.e2e.Edge.Reply;
import io.contacts.events.ContactState;
import io.contacts.examples.consumer.ContactBook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.contacts.e2e.Edge.contacts;
import static io.contacts.e2e.Edge.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The example subscriber ({@code examples/contact-consumer}) on the real topic ends with the contacts the API lists. */
class ExampleConsumerIT {

    private static final Edge EDGE = new Edge();

    @Test
    void theExampleConsumersBookHoldsExactlyTheAccountsContacts() {
        Instant start = Instant.now();
        try (EventsTopic<byte[]> topic = EventsTopic.from(start, ByteArrayDeserializer.class)) {
            Member admin = EDGE.newMember(EDGE.newAccount(), "administrator");
            long kept = created(admin, Map.of("name", "Kept " + unique(), "email", unique() + "@example.com",
                    "custom_attributes", Map.of("plan", "gold")));
            ok(EDGE.call("PATCH", contacts(admin) + "/" + kept, admin.token(),
                    Map.of("name", "Renamed " + unique(), "custom_attributes", Map.of("seats", 4))));
            ok(EDGE.post(contacts(admin) + "/" + kept + "/labels", admin.token(), Map.of("labels", List.of("vip"))));
            long gone = created(admin, Map.of("name", "Gone " + unique()));
            ok(EDGE.call("DELETE", contacts(admin) + "/" + gone, admin.token(), null));
            long blocked = created(admin, Map.of("name", "Blocked " + unique(), "phone_number", "+4915112345678",
                    "blocked", true));

            ContactBook book = new ContactBook();
            for (ConsumerRecord<String, byte[]> record : topic.readAccount(admin.accountId(), 7)) {
                book.accept(record);
            }

            List<ContactState> mine = book.contacts().stream()
                    .filter(contact -> contact.accountId() == admin.accountId()).toList();
            Reply listed = ok(EDGE.get(contacts(admin), admin.token()));
            List<String> api = new ArrayList<>();
            for (JsonNode contact : listed.body().path("payload")) {
                api.add(contact.path("id").asLong() + " " + contact.path("name").asText() + " "
                        + contact.path("email").asText(null) + " " + contact.path("phone_number").asText(null) + " "
                        + contact.path("blocked").asBoolean() + " " + contact.path("custom_attributes"));
            }
            assertThat(mine).extracting(contact -> contact.contactId() + " " + contact.name() + " " + contact.email()
                            + " " + contact.phoneNumber() + " " + contact.blocked() + " "
                            + Edge.JSON.valueToTree(contact.customAttributes()))
                    .containsExactlyInAnyOrderElementsOf(api);
            assertThat(mine).extracting(ContactState::contactId).containsExactlyInAnyOrder(kept, blocked);
            assertThat(mine.stream().filter(contact -> contact.contactId() == kept).findFirst().orElseThrow())
                    .satisfies(contact -> {
                        assertThat(contact.labels()).containsExactly("vip");
                        assertThat(contact.customAttributes()).isEqualTo(Map.of("plan", "gold", "seats", 4));
                        assertThat(contact.sequence()).isEqualTo(2);
                    });
        }
    }

    private static long created(Member admin, Map<String, Object> fields) {
        return ok(EDGE.post(contacts(admin), admin.token(), fields)).body().path("payload").path("contact")
                .path("id").asLong();
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }
}
