package io.contacts.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTokenFilterTest {

    @Test
    void admitsOnlyTheConfiguredToken() {
        PlatformTokenFilter filter = new PlatformTokenFilter("s3cret-platform-token", new ObjectMapper());

        assertThat(filter.admitted("s3cret-platform-token")).isTrue();
        assertThat(filter.admitted("s3cret-platform-tokeN")).isFalse();
        assertThat(filter.admitted("s3cret")).isFalse();
        assertThat(filter.admitted("")).isFalse();
        assertThat(filter.admitted(null)).isFalse();
    }

    @Test
    void admitsNothingWithoutAConfiguredToken() {
        PlatformTokenFilter filter = new PlatformTokenFilter("  ", new ObjectMapper());

        assertThat(filter.admitted("")).isFalse();
        assertThat(filter.admitted("  ")).isFalse();
        assertThat(filter.admitted(null)).isFalse();
    }
}
