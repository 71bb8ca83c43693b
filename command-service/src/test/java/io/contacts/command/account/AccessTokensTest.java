package io.contacts.command.account;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    @Test
    void tokensAreRandomUrlSafeAndOnlyTheirSha256IsKept() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = AccessTokens.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
        // the SHA-256 test vector of "abc" (FIPS 180-2)
        assertThat(AccessTokens.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /**
     * The platform token is compared through fixed-length digests with {@code MessageDigest.isEqual}, whose time
     * depends on neither content nor length; user tokens are looked up by their digest, so a lookup's time says
     * nothing about the token.
     */
    @Test
    void secretsCompareByDigestWhateverTheirLength() {
        assertThat(AccessTokens.sameSecret("platform-secret", "platform-secret")).isTrue();
        assertThat(AccessTokens.sameSecret("platform-secreT", "platform-secret")).isFalse();
        assertThat(AccessTokens.sameSecret("platform", "platform-secret")).isFalse();
        assertThat(AccessTokens.sameSecret("", "platform-secret")).isFalse();
        assertThat(AccessTokens.sameSecret("platform-secret" + "x".repeat(10_000), "platform-secret")).isFalse();
    }
}
