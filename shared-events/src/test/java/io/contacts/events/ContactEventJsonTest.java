package io.contacts.events;

import io.contacts.events.json.ContactEventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactEventJsonTest {

    private static final List<ContactEvent> ONE_OF_EACH = List.of(
            new ContactCreated(7, 1, "Ada", "ada@example.com", "+4912345", "ext-1", true,
                    Map.of("plan", "gold"), Map.of("city", "Berlin")),
            new ContactUpdated(7, 1, Set.of(ContactUpdated.NAME, ContactUpdated.EMAIL), "Ada L", null, null, null,
                    null, null),
            new ContactBlocked(7, 1),
            new ContactUnblocked(7, 1),
            new CustomAttributesRemoved(7, 1, List.of("plan")),
            new ContactLabelsChanged(7, 1, List.of("vip")),
            new ContactInboxLinked(7, 1, new ContactInbox("src", false,
                    new InboxSummary(2, "Web", "Channel::WebWidget", 20, null, ""))),
            new ContactAvatarChanged(7, 1, "k3y"),
            new ContactAvatarRemoved(7, 1),
            new ContactDeleted(7, 1));

    @Test
    void everyEventTypeHasAStableVersionedTypeAndRoundTrips() {
        assertThat(ContactEventType.values()).hasSameSizeAs(ONE_OF_EACH);
        for (ContactEvent event : ONE_OF_EACH) {
            String type = ContactEventType.of(event).type();
            assertThat(type).matches("contact\\.[a-z_]+\\.v1");
            assertThat(ContactEventJson.read(type, ContactEventJson.write(event))).isEqualTo(event);
        }
    }

    @Test
    void bodiesUseSnakeCaseAndUpdatesCarryOnlyChangedFields() {
        String created = new String(ContactEventJson.write(ONE_OF_EACH.get(0)), StandardCharsets.UTF_8);
        assertThat(created).contains("\"contact_id\":7", "\"account_id\":1", "\"phone_number\":\"+4912345\"",
                "\"custom_attributes\":{\"plan\":\"gold\"}");

        String updated = new String(ContactEventJson.write(ONE_OF_EACH.get(1)), StandardCharsets.UTF_8);
        assertThat(updated).contains("\"name\":\"Ada L\"", "\"changed_fields\"")
                .doesNotContain("phone_number", "identifier", "custom_attributes");
    }

    @Test
    void unknownFieldsAreIgnoredSoNewOptionalFieldsDoNotBreakSubscribers() {
        byte[] body = "{\"contact_id\":3,\"account_id\":2,\"added_later\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContactEventJson.read("contact.blocked.v1", body)).isEqualTo(new ContactBlocked(3, 2));
    }

    @Test
    void anUnknownTypeIsRejected() {
        assertThatThrownBy(() -> ContactEventJson.read("contact.merged.v9", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact.merged.v9");
    }
}
