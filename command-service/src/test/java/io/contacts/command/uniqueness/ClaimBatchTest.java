package io.contacts.command.uniqueness;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimBatchTest {

    private static final ClaimBatch.Value A = new ClaimBatch.Value(1, ClaimKind.EMAIL, "a@example.com");
    private static final ClaimBatch.Value B = new ClaimBatch.Value(1, ClaimKind.EMAIL, "b@example.com");
    private static final ClaimBatch.Value C = new ClaimBatch.Value(1, ClaimKind.EMAIL, "c@example.com");

    private static Map<ClaimKind, String> email(String value) {
        return Map.of(ClaimKind.EMAIL, value);
    }

    @Test
    void onlyTheNetEffectOnEachValueIsWritten() {
        ClaimBatch batch = new ClaimBatch();
        // contact 7 moves from a to b, then from b to c; contact 8 takes a
        batch.release(1, 7, email("a@example.com"));
        batch.claim(1, 7, email("b@example.com"));
        batch.release(1, 7, email("b@example.com"));
        batch.claim(1, 7, email("c@example.com"));
        batch.claim(1, 8, email("a@example.com"));

        assertThat(batch.releases()).containsExactly(Map.entry(A, 7L));
        assertThat(batch.claims()).containsOnly(Map.entry(A, 8L), Map.entry(C, 7L));
        assertThat(batch.claims()).doesNotContainKey(B);
    }

    @Test
    void aValueReleasedAndClaimedBackByItsHolderIsDeletedAndInsertedAgain() {
        ClaimBatch batch = new ClaimBatch();
        batch.release(1, 7, email("a@example.com"));
        batch.claim(1, 7, email("a@example.com"));

        assertThat(batch.releases()).containsExactly(Map.entry(A, 7L));
        assertThat(batch.claims()).containsExactly(Map.entry(A, 7L));
        assertThat(batch.isEmpty()).isFalse();
        assertThat(new ClaimBatch().isEmpty()).isTrue();
    }

    @Test
    void aValueClaimedInTheBatchIsTakenForOtherContactsUntilReleased() {
        ClaimBatch batch = new ClaimBatch();
        assertThat(batch.claim(1, 7, email("a@example.com"))).isEmpty();
        assertThat(batch.claim(1, 7, email("a@example.com"))).isEmpty();

        assertThat(batch.claim(1, 8, Map.of(ClaimKind.EMAIL, "a@example.com", ClaimKind.IDENTIFIER, "id-8")))
                .containsExactly(ClaimKind.EMAIL);
        assertThat(batch.claims()).containsExactly(Map.entry(A, 7L));
        assertThat(batch.claim(2, 8, email("a@example.com"))).as("another account").isEmpty();

        batch.release(1, 7, email("a@example.com"));
        assertThat(batch.claim(1, 8, email("a@example.com"))).isEmpty();
        assertThat(batch.claims()).containsEntry(A, 8L);
    }

    @Test
    void releasingAllOfAContactFreesWhatItClaimedInTheBatch() {
        ClaimBatch batch = new ClaimBatch();
        batch.claim(1, 7, email("a@example.com"));
        batch.claim(1, 9, email("b@example.com"));

        batch.releaseAll(1, 7);

        assertThat(batch.claims()).containsExactly(Map.entry(B, 9L));
        assertThat(batch.releases()).isEmpty();
        assertThat(batch.claim(1, 8, email("a@example.com"))).isEmpty();
    }

    @Test
    void aCopyRestoresTheBatchAsItWas() {
        ClaimBatch batch = new ClaimBatch();
        batch.claim(1, 7, email("a@example.com"));
        ClaimBatch before = batch.copy();
        batch.release(1, 7, email("a@example.com"));
        batch.claim(1, 7, email("b@example.com"));

        batch.restore(before);

        assertThat(batch.claims()).containsExactly(Map.entry(A, 7L));
        assertThat(batch.releases()).isEmpty();
        assertThat(batch.claim(1, 8, email("a@example.com"))).containsExactly(ClaimKind.EMAIL);
    }

    @Test
    void aValueHeldWhenTheBatchReadItIsTakenForOthersUntilItsHolderIsDeleted() {
        ClaimBatch batch = new ClaimBatch();
        batch.held(A, 7);

        assertThat(batch.claim(1, 7, email("a@example.com"))).as("its own holder").isEmpty();
        assertThat(batch.claim(1, 8, email("a@example.com"))).containsExactly(ClaimKind.EMAIL);

        batch.releaseAll(1, 7);
        assertThat(batch.claim(1, 8, email("a@example.com"))).isEmpty();
        assertThat(batch.claims()).containsExactly(Map.entry(A, 8L));
    }
}
