package io.contacts.query.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncludeContactInboxesTest {

    @Test
    void absentEmptyOrExactlyTrueIncludes() {
        assertThat(IncludeContactInboxes.of(null)).isTrue();
        assertThat(IncludeContactInboxes.of("")).isTrue();
        assertThat(IncludeContactInboxes.of("true")).isTrue();
    }

    @Test
    void anyOtherValueExcludes() {
        assertThat(IncludeContactInboxes.of("false")).isFalse();
        assertThat(IncludeContactInboxes.of("0")).isFalse();
        assertThat(IncludeContactInboxes.of("no")).isFalse();
        assertThat(IncludeContactInboxes.of("TRUE")).isFalse();
        assertThat(IncludeContactInboxes.of(" true")).isFalse();
    }
}
