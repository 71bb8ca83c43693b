package io.contacts.command.contact;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelNamesTest {

    @Test
    void stripsDropsBlanksAndCaseInsensitiveDuplicatesKeepingTheFirstSpelling() {
        assertThat(LabelNames.clean(Arrays.asList(" VIP ", "", "  ", null, "vip", "support", "Support", "b2b")))
                .containsExactly("VIP", "support", "b2b");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(LabelNames.clean(List.of())).isEmpty();
    }
}
