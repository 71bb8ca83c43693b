package io.contacts.query.contact;

import io.contacts.query.projection.ContactDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;

class ContactJsonTest {

    private static final String EDGE = "https://contacts.example.com";

    private static ContactDocument document(Long lastActivityAt) {
        return withAvatar(lastActivityAt, null);
    }

    private static ContactDocument withAvatar(Long lastActivityAt, String avatarKey) {
        return new ContactDocument(7, 3, "Ann", "ann@example.com", null, "ext-1", true, true, false,
                Map.of("plan", "gold"), Map.of("city", "Oslo"), null, "Oslo", null, List.of(), List.of(),
                1_700_000_123_999L, 1_700_000_200_000L, lastActivityAt, 4, null, "Oslo", List.of(), avatarKey);
    }

    @Test
    void theThumbnailIsTheAbsoluteUrlOfTheAvatar() {
        assertThat(ContactJson.contact(withAvatar(null, "k3y"), false, false, EDGE))
                .containsEntry("thumbnail", "https://contacts.example.com/avatars/k3y");
    }

    @Test
    void rendersTheChatwootContactWithEpochSeconds() {
        Map<String, Object> json = ContactJson.contact(document(1_700_000_300_500L), true, false, EDGE);
        assertThat(json).containsEntry("id", 7L).containsEntry("name", "Ann")
                .containsEntry("email", "ann@example.com").containsEntry("phone_number", null)
                .containsEntry("identifier", "ext-1").containsEntry("blocked", true)
                .containsEntry("thumbnail", "").containsEntry("availability_status", "offline")
                .containsEntry("custom_attributes", Map.of("plan", "gold"))
                .containsEntry("additional_attributes", Map.of("city", "Oslo"))
                .containsEntry("created_at", 1_700_000_123L).containsEntry("last_activity_at", 1_700_000_300L)
                .containsEntry("contact_inboxes", List.of());
        assertThat(json).doesNotContainKeys("account_id", "sequence", "labels", "updated_at", "resolved", "deleted");
    }

    @Test
    void omitsLastActivityWhenThereIsNoneAndContactInboxesWhenNotAsked() {
        Map<String, Object> json = ContactJson.contact(document(null), false, false, EDGE);
        assertThat(json).doesNotContainKeys("last_activity_at", "contact_inboxes");
    }

    @Test
    void aSingleContactIsFlatAndInThePayload() {
        Map<String, Object> json = ContactJson.single(document(null), true, false, EDGE);
        assertThat(json).containsEntry("id", 7L)
                .containsEntry("payload", ContactJson.contact(document(null), true, false, EDGE));
    }

    @Test
    void anOnlineContactSaysSo() {
        assertThat(ContactJson.single(document(null), false, true, EDGE)).containsEntry("availability_status", "online")
                .extractingByKey("payload").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("availability_status", "online");
    }
}
