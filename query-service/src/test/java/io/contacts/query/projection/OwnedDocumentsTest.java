package io.contacts.query.projection;

import io.contacts.events.ContactCreated;
import io.contacts.events.ContactUpdated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class OwnedDocumentsTest {

    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");
    private static final long ID = 5;

    private final OwnedDocuments documents = new OwnedDocuments(100);
    private final List<Long> read = new ArrayList<>();
    /** Elasticsearch's document: the contact at sequence 3 */
    private final ContactDocument stored = ContactFold.fold(null, List.of(created(0), renamed(1, "A"),
            renamed(2, "B"), renamed(3, "In Elasticsearch"))).document();
    private final Function<Collection<Long>, Map<Long, ContactDocument>> elasticsearch = ids -> {
        read.addAll(ids);
        return Map.of(ID, stored);
    };

    private static EventRecord created(long sequence) {
        return new EventRecord(new ContactCreated(ID, 2, "Ann", null, null, null, false, Map.of(), Map.of()),
                sequence, T);
    }

    private static EventRecord renamed(long sequence, String name) {
        return new EventRecord(new ContactUpdated(ID, 2, Set.of(ContactUpdated.NAME), name, null, null, null, null,
                null), sequence, T);
    }

    private ContactDocument kept(long sequence) {
        List<EventRecord> events = new ArrayList<>(List.of(created(0)));
        for (long s = 1; s <= sequence; s++) {
            events.add(renamed(s, "Kept " + s));
        }
        ContactDocument document = ContactFold.fold(null, events).document();
        documents.keep(documents.current(Map.of(ID, List.of(created(0))), elasticsearch), "contacts-v1",
                List.of(document));
        read.clear();
        return document;
    }

    @Test
    void eventsThatFollowOnFromTheKeptDocumentFoldOntoItWithoutARead() {
        ContactDocument document = kept(3);
        assertThat(documents.current(Map.of(ID, List.of(renamed(3, "again"), renamed(4, "next"))), elasticsearch)
                .documents()).containsEntry(ID, document);
        assertThat(read).isEmpty();
    }

    @Test
    void eventsThatSkipPastTheKeptDocumentReadItFromElasticsearch() {
        kept(1);
        assertThat(documents.current(Map.of(ID, List.of(renamed(4, "next"))), elasticsearch).documents())
                .containsEntry(ID, stored);
        assertThat(read).containsExactly(ID);
    }

    @Test
    void aCreateNeedsNoReadUnlessItsEventsSkip() {
        assertThat(documents.current(Map.of(ID, List.of(created(0), renamed(1, "next"))), elasticsearch)
                .documents()).isEmpty();
        assertThat(read).isEmpty();
        assertThat(documents.current(Map.of(ID, List.of(created(0), renamed(3, "late"))), elasticsearch)
                .documents()).containsEntry(ID, stored);
        assertThat(read).containsExactly(ID);
    }

    @Test
    void aBatchThatReadBeforeADropKeepsNothing() {
        OwnedDocuments.Read before = documents.current(Map.of(ID, List.of(created(0))), elasticsearch);
        documents.drop(List.of(99L));
        documents.keep(before, "contacts-v1", List.of(ContactFold.fold(null, List.of(created(0))).document()));

        documents.current(Map.of(ID, List.of(renamed(1, "next"))), elasticsearch);
        assertThat(read).containsExactly(ID);
    }

    @Test
    void aWriteIntoAnotherConcreteIndexDropsEverything() {
        kept(2);
        OwnedDocuments.Read later = documents.current(Map.of(7L, List.of(renamed(9, "other"))), elasticsearch);
        documents.keep(later, "contacts-v1-20250101-100000", List.of());
        read.clear();

        documents.current(Map.of(ID, List.of(renamed(3, "next"))), elasticsearch);
        assertThat(read).containsExactly(ID);
    }

    @Test
    void droppedContactsAreReadAgain() {
        kept(2);
        documents.dropAll();
        documents.current(Map.of(ID, List.of(renamed(3, "next"))), elasticsearch);
        assertThat(read).containsExactly(ID);
    }
}
