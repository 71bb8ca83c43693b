package io.contacts.query.projection;

import org.junit.jupiter.api.Test;

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
        CompletableFuture<Void> waiting = progress.awaitSequence(1, 3);
        CompletableFuture<Void> other = progress.awaitSequence(2, 0);
        progress.reached(1, 2);
        assertThat(waiting).isNotDone();
        progress.reached(1, 4);
        assertThat(waiting).isCompleted();
        assertThat(other).isNotDone();
        assertThat(progress.awaitedContacts()).containsExactly(2L);
    }

    @Test
    void aTimedOutWaiterIsForgotten() {
        CompletableFuture<Void> waiting = progress.awaitSequence(1, 3).orTimeout(1, TimeUnit.MILLISECONDS);
        assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(progress.awaitedContacts()).isEmpty();
    }
}
