package io.contacts.command.idempotency;

import io.contacts.command.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void aUuidAndAnyVisibleAsciiUpTo255CharactersAreKeys() {
        assertThat(IdempotencyKey.of(List.of("0f8fad5b-d9cb-469f-a165-70867728950e"))).isPresent();
        assertThat(IdempotencyKey.of(List.of("!~" + "a".repeat(253)))).get()
                .extracting(IdempotencyKey::value).asString().hasSize(255);
    }

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKey.of(List.of())).isEmpty();
    }

    @Test
    void emptyLongSpacedNonAsciiAndRepeatedKeysAre400() {
        for (List<String> header : List.of(List.of(""), List.of("a".repeat(256)), List.of("with space"),
                List.of("tab\tkey"), List.of("ünïcode"), List.of("one", "two"))) {
            assertThatThrownBy(() -> IdempotencyKey.of(header)).as(header.toString())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.body()).containsEntry("error", "Invalid Idempotency-Key");
                    });
        }
    }
}
