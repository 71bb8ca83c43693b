package io.contacts.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

    private final ContactState created = ContactState.created(new ContactCreated(5, 9, "Bo", "bo@x.io", null, "id-5",
            false, Map.of("a", 1, "b", 2), Map.of("city", "Oslo")), 0, T0);

    @Test
    void updateReplacesNamedScalarsClearsNullsAndMergesAttributes() {
        Map<String, Object> custom = new HashMap<>();
        custom.put("b", 3);
        custom.put("c", null);
        ContactState updated = created.apply(new ContactUpdated(5, 9,
                Set.of(ContactUpdated.NAME, ContactUpdated.IDENTIFIER, ContactUpdated.CUSTOM_ATTRIBUTES),
                "Bob", null, null, null, custom, null), 1, T1);

        assertThat(updated.name()).isEqualTo("Bob");
        assertThat(updated.email()).isEqualTo("bo@x.io");
        assertThat(updated.identifier()).isNull();
        assertThat(updated.customAttributes()).containsEntry("a", 1).containsEntry("b", 3).containsKey("c");
        assertThat(updated.additionalAttributes()).isEqualTo(Map.of("city", "Oslo"));
        assertThat(updated.sequence()).isEqualTo(1);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
    }

    @Test
    void blockRemoveAndDeleteFold() {
        ContactState state = created.apply(new ContactBlocked(5, 9), 1, T1)
                .apply(new CustomAttributesRemoved(5, 9, List.of("a", "zz")), 2, T1);
        assertThat(state.blocked()).isTrue();
        assertThat(state.customAttributes()).isEqualTo(Map.of("b", 2));
        assertThat(state.apply(new ContactUnblocked(5, 9), 3, T1).blocked()).isFalse();

        ContactState deleted = state.apply(new ContactDeleted(5, 9), 3, T1);
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.sequence()).isEqualTo(3);
    }

    @Test
    void labelsAreReplacedAndInboxLinksAreAddedOnce() {
        ContactState labelled = created.apply(new ContactLabelsChanged(5, 9, List.of("vip", "beta")), 1, T1)
                .apply(new ContactLabelsChanged(5, 9, List.of("beta")), 2, T1);
        assertThat(labelled.labels()).containsExactly("beta");

        InboxSummary api = new InboxSummary(3, "API", "Channel::Api", 30, null, "");
        ContactInbox link = new ContactInbox("src-1", false, api);
        ContactState linked = labelled.apply(new ContactInboxLinked(5, 9, link), 3, T1)
                .apply(new ContactInboxLinked(5, 9, new ContactInbox("src-1", true, api)), 4, T1)
                .apply(new ContactInboxLinked(5, 9, new ContactInbox("src-2", false, api)), 5, T1);
        assertThat(linked.contactInboxes()).extracting(ContactInbox::sourceId).containsExactly("src-1", "src-2");
        assertThat(linked.contactInboxes().get(0).hmacVerified()).isTrue();
        assertThat(linked.labels()).containsExactly("beta");
    }

    @Test
    void avatarKeyIsSetReplacedAndRemoved() {
        assertThat(created.avatarKey()).isNull();
        ContactState changed = created.apply(new ContactAvatarChanged(5, 9, "first"), 1, T1)
                .apply(new ContactAvatarChanged(5, 9, "second"), 2, T1);
        assertThat(changed.avatarKey()).isEqualTo("second");
        assertThat(changed.apply(new ContactBlocked(5, 9), 3, T1).avatarKey()).isEqualTo("second");
        assertThat(changed.apply(new ContactAvatarRemoved(5, 9), 3, T1).avatarKey()).isNull();
    }
}
