package io.contacts.query.exporting;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportKeyTest {

    static final String PATH = "/api/v1/accounts/7/contacts/export";
    static final IdempotencyKey KEY = new IdempotencyKey("5f0c7a1e-0b7e-4d6a-9c1e-2f5b8d3a4c6b");

    static ExportKey key(long account, long user, IdempotencyKey key, String query, String body) {
        return ExportKey.of(account, user, key, "POST", PATH, query, body.getBytes(StandardCharsets.UTF_8));
    }

    static ExportJob job(long account, long user) {
        return ExportJob.requested(42, account, user, "a@example.com", List.of("id"), null, null, 1, 2);
    }

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        assertThat(new IdempotencyKey("x".repeat(255)).value()).hasSize(255);
        assertThat(new IdempotencyKey("!~").value()).isEqualTo("!~");
        for (String bad : new String[]{"", "x".repeat(256), "with space", "tab\t", "é", "del\u007f"}) {
            assertThatThrownBy(() -> new IdempotencyKey(bad)).as(bad)
                    .isInstanceOf(InvalidIdempotencyKeyException.class)
                    .hasMessage("An Idempotency-Key is 1 to 255 visible ASCII characters (letters, digits, "
                            + "punctuation; no spaces), e.g. a UUID");
        }
    }

    @Test
    void noHeaderIsNoKeyAndARepeatedHeaderIsRefused() {
        assertThat(IdempotencyKey.of(List.of())).isEmpty();
        assertThat(IdempotencyKey.of(List.of("k1"))).isEqualTo(Optional.of(new IdempotencyKey("k1")));
        assertThatThrownBy(() -> IdempotencyKey.of(List.of("k1", "k1")))
                .isInstanceOf(InvalidIdempotencyKeyException.class);
    }

    @Test
    void theJobIdIsTheKeysInTheRangeOfJobIds() {
        ExportKey key = key(7, 3, KEY, null, "{}");
        assertThat(key(7, 3, KEY, "a=1", "{\"label\":\"x\"}").jobId(0)).isEqualTo(key.jobId(0));
        Set<Long> ids = new HashSet<>();
        for (ExportKey other : List.of(key, key(8, 3, KEY, null, "{}"), key(7, 4, KEY, null, "{}"),
                key(7, 3, new IdempotencyKey("other"), null, "{}"))) {
            for (int attempt = 0; attempt < 4; attempt++) {
                long id = other.jobId(attempt);
                assertThat(id).isBetween(1L, ExportJob.MAX_ID - 1);
                ids.add(id);
            }
        }
        assertThat(ids).hasSize(16);
    }

    @Test
    void theFingerprintTellsARetryFromAnotherRequest() {
        ExportKey first = key(7, 3, KEY, null, "{}");
        assertThat(key(7, 3, KEY, null, "{}").fingerprint()).isEqualTo(first.fingerprint());
        assertThat(key(7, 3, KEY, "", "{}").fingerprint()).isEqualTo(first.fingerprint());
        assertThat(key(7, 3, KEY, null, "{ }").fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(key(7, 3, KEY, "label=x", "{}").fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(ExportKey.of(7, 3, KEY, "POST", PATH + "/", null, "{}".getBytes(StandardCharsets.UTF_8))
                .fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void aJobIsTheKeysOnlyWhenRequestedWithItByTheSameUserOfTheAccount() {
        ExportKey key = key(7, 3, KEY, null, "{}");
        assertThat(key.owns(job(7, 3).keyed(key))).isTrue();
        assertThat(key.owns(job(7, 3))).isFalse();
        assertThat(key.owns(job(7, 4).keyed(key(7, 4, KEY, null, "{}")))).isFalse();
        assertThat(key.owns(job(8, 3).keyed(key(8, 3, KEY, null, "{}")))).isFalse();
        assertThat(key.owns(job(7, 3).keyed(key(7, 3, new IdempotencyKey("other"), null, "{}")))).isFalse();
    }

    @Test
    void theSameRequestIsAnsweredByTheKeysJobAnotherIsRefused() {
        ExportKey key = key(7, 3, KEY, null, "{}");
        ExportJob job = job(7, 3).keyed(key);
        assertThat(key(7, 3, KEY, null, "{}").answeredBy(job)).isSameAs(job);
        assertThatThrownBy(() -> key(7, 3, KEY, null, "{\"label\":\"vip\"}").answeredBy(job))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessage("This Idempotency-Key was sent with a different request (method, path or body); "
                        + "a new request needs a new key");
    }

    @Test
    void theKeyAndFingerprintStayWithTheJobThroughItsLife() {
        ExportKey key = key(7, 3, KEY, null, "{}");
        ExportJob done = job(7, 3).keyed(key).started(3, 4).progressed(1, 1, 5).completed(6);
        assertThat(done.idempotencyKey()).isEqualTo(KEY.value());
        assertThat(done.requestFingerprint()).isEqualTo(key.fingerprint());
        assertThat(job(7, 3).keyed(key).failed("x", 3).requestFingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void aRetentionBelowTheKeysDayIsRefused() {
        assertThatThrownBy(() -> new ExportProperties(Path.of("exports"), "", Duration.ofDays(7),
                Duration.ofHours(23), 1, 1, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contacts.exports.retention must be at least PT24H");
    }
}
