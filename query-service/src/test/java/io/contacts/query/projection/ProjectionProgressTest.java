package io.contacts.query.projection;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionProgressTest {

    private final ProjectionProgress progress = new ProjectionProgress();

    @Test
    void aWaiterCompletesOnceItsContactReachedTheSequence() {
        CompletableFuture<Optional<ContactDocument>> waiting = progress.awaitSequence(1, 3);
        CompletableFuture<Optional<ContactDocument>> other = progress.awaitSequence(2, 0);
        progress.reached(1, 2);
        assertThat(waiting).isNotDone();
        progress.reached(1, 4);
        assertThat(waiting).isCompletedWithValue(Optional.empty());
        assertThat(other).isNotDone();
        assertThat(progress.awaitedContacts()).containsExactly(2L);
    }

    @Test
    void aWaiterGetsTheDocumentTheProjectorReported() {
        CompletableFuture<Optional<ContactDocument>> waiting = progress.awaitSequence(7, 4);
        ContactDocument document = new ContactDocument(7, 3, "Ann", null, null, null, false, false, false, null,
                null, null, null, null, null, null, 1L, 2L, null, 4, null, null, null, null);
        progress.reached(document);
        assertThat(waiting).isCompletedWithValue(Optional.of(document));
        assertThat(progress.awaitedContacts()).isEmpty();
    }

    @Test
    void aTimedOutWaiterIsForgotten() {
        CompletableFuture<Optional<ContactDocument>> waiting = progress.awaitSequence(1, 3).orTimeout(1, TimeUnit.MILLISECONDS);
        assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(progress.awaitedContacts()).isEmpty();
    }
}
