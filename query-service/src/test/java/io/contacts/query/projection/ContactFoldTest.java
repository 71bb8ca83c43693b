package io.contacts.query.projection;

import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactUpdated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactFoldTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2025-01-01T11:00:00Z");

    private static EventRecord created(long sequence) {
        return new EventRecord(new ContactCreated(5, 2, "Ann", null, null, null, false, Map.of("a", 1),
                Map.of("company_name", "Acme")), sequence, T0);
    }

    private static EventRecord renamed(long sequence, String name) {
        return new EventRecord(new ContactUpdated(5, 2, Set.of(ContactUpdated.NAME, ContactUpdated.EMAIL), name,
                "ann@example.com", null, null, null, null), sequence, T1);
    }

    private static EventRecord deleted(long sequence) {
        return new EventRecord(new ContactDeleted(5, 2), sequence, T1);
    }

    @Test
    void createThenUpdateGivesTheFoldedDocument() {
        ContactFold.Folded folded = ContactFold.fold(null, List.of(created(0), renamed(1, "Bea")));
        ContactDocument document = folded.document();
        assertThat(document.name()).isEqualTo("Bea");
        assertThat(document.email()).isEqualTo("ann@example.com");
        assertThat(document.resolved()).isTrue();
        assertThat(document.companyName()).isEqualTo("Acme");
        assertThat(document.createdAt()).isEqualTo(T0.toEpochMilli());
        assertThat(document.updatedAt()).isEqualTo(T1.toEpochMilli());
        assertThat(document.sequence()).isEqualTo(1);
        assertThat(document.version()).isEqualTo(2);
    }

    @Test
    void aNameOnlyContactIsNotResolved() {
        assertThat(ContactFold.fold(null, List.of(created(0))).document().resolved()).isFalse();
    }

    @Test
    void eventsTheDocumentAlreadyHasChangeNothing() {
        ContactDocument current = ContactFold.fold(null, List.of(created(0), renamed(1, "Bea"))).document();
        ContactFold.Folded again = ContactFold.fold(current, List.of(created(0), renamed(1, "Cleo")));
        assertThat(again.document()).isNull();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void anOlderEventAfterANewerOneInTheSameBatchIsSkipped() {
        ContactFold.Folded folded = ContactFold.fold(null, List.of(created(0), renamed(2, "New"), renamed(1, "Old")));
        assertThat(folded.document().name()).isEqualTo("New");
        assertThat(folded.document().sequence()).isEqualTo(2);
        assertThat(folded.duplicates()).isEqualTo(1);
        assertThat(folded.gaps()).isEqualTo(1);
        assertThat(folded.applied()).extracting(EventRecord::sequence).containsExactly(0L, 2L);
    }

    @Test
    void aDeleteLeavesATombstoneThatAReplayedCreateCannotResurrect() {
        ContactDocument tombstone = ContactFold.fold(null, List.of(created(0), deleted(1))).document();
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.sequence()).isEqualTo(1);
        assertThat(ContactFold.fold(tombstone, List.of(created(0))).document()).isNull();
    }

    @Test
    void eventsForAContactWithoutDocumentAreOrphansUnlessTheyCreateIt() {
        ContactFold.Folded folded = ContactFold.fold(null, List.of(renamed(1, "Bea"), created(2), renamed(3, "Cy")));
        assertThat(folded.document().name()).isEqualTo("Cy");
        assertThat(folded.orphans()).extracting(EventRecord::sequence).containsExactly(1L);
        assertThat(folded.applied()).extracting(EventRecord::sequence).containsExactly(2L, 3L);
    }

    @Test
    void labelsAndActivityCarryOver() {
        ContactDocument current = ContactFold.fold(null, List.of(created(0))).document();
        ContactDocument labelled = new ContactDocument(current.id(), current.accountId(), current.name(),
                current.email(), current.phoneNumber(), current.identifier(), current.blocked(), current.resolved(),
                current.deleted(), current.customAttributes(), current.additionalAttributes(),
                current.companyName(), current.city(), current.country(), List.of("vip"), current.contactInboxes(),
                current.createdAt(), current.updatedAt(), 42L, current.sequence(), null, null, List.of(),
                current.avatarKey());
        ContactDocument updated = ContactFold.fold(labelled, List.of(renamed(1, "Bea"))).document();
        assertThat(updated.labels()).containsExactly("vip");
        assertThat(updated.lastActivityAt()).isEqualTo(42L);
    }
}
