package io.contacts.command.contact;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SearchableContactsTest {

    private final SearchableContacts searchable = new SearchableContacts(Duration.ofSeconds(5), 1000);

    @Test
    void aWaiterCompletesWhenItsSequenceOrALaterOneIsAnnounced() {
        CompletableFuture<SearchableContacts.Reached> waiting = searchable.await(7, 3);
        searchable.reached(7, new SearchableContacts.Reached(2, true));
        assertThat(waiting).isNotDone();
        searchable.reached(8, new SearchableContacts.Reached(9, false));
        assertThat(waiting).isNotDone();
        searchable.reached(7, new SearchableContacts.Reached(4, true));
        assertThat(waiting).isCompletedWithValue(new SearchableContacts.Reached(4, true));
    }

    @Test
    void anAnnouncementThatCameBeforeTheWaiterCompletesItAtOnce() {
        searchable.reached(7, new SearchableContacts.Reached(5, false));
        searchable.reached(7, new SearchableContacts.Reached(3, true));
        assertThat(searchable.await(7, 5)).isCompletedWithValue(new SearchableContacts.Reached(5, false, true));
        assertThat(searchable.await(7, 6)).isNotDone();
    }

    @Test
    void aCancelledWaiterIsNotCompletedLater() {
        CompletableFuture<SearchableContacts.Reached> waiting = searchable.await(7, 1);
        waiting.cancel(false);
        searchable.reached(7, new SearchableContacts.Reached(1, false));
        assertThat(waiting).isCancelled();
    }
}
