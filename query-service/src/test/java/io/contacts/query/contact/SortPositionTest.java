package io.contacts.query.contact;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortPositionTest {

    /** How a bool of alternatives starts. */
    private static final String ANY = "{\"bool\":{\"minimum_should_match\":\"1\",\"should\":[";

    private static String atOrBefore(String sort, FieldValue... values) {
        return SortPosition.atOrBefore(ContactSort.parse(sort).fields(), Arrays.asList(values)).toString()
                .replace("Query: ", "");
    }

    @Test
    void aKeyAscendingWithNullsLastComparesByRangeThenTheTieBreaker() {
        assertThat(atOrBefore("email", FieldValue.of("b@x.test"), FieldValue.of(7)))
                .isEqualTo(ANY + "{\"range\":{\"email\":{\"lt\":\"b@x.test\"}}},"
                        + "{\"bool\":{\"filter\":[{\"term\":{\"email\":{\"value\":\"b@x.test\"}}},"
                        + "{\"range\":{\"id\":{\"lte\":7}}}]}}]}}");
    }

    @Test
    void aMissingValueSortingLastComesAfterEveryPresentOne() {
        assertThat(atOrBefore("email", FieldValue.NULL, FieldValue.of(7)))
                .isEqualTo(ANY + "{\"exists\":{\"field\":\"email\"}},"
                        + "{\"bool\":{\"filter\":[{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"email\"}}]}},"
                        + "{\"range\":{\"id\":{\"lte\":7}}}]}}]}}");
    }

    @Test
    void descendingWithNullsFirstPutsTheMissingBeforeEveryValue() {
        assertThat(atOrBefore("-name", FieldValue.of("m"), FieldValue.of(3)))
                .isEqualTo(ANY + ANY + "{\"range\":{\"name\":{\"gt\":\"m\"}}},"
                        + "{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"name\"}}]}}]}},"
                        + "{\"bool\":{\"filter\":[{\"term\":{\"name\":{\"value\":\"m\"}}},"
                        + "{\"range\":{\"id\":{\"lte\":3}}}]}}]}}");
        // nothing sorts before a missing name in that order
        assertThat(atOrBefore("-name", FieldValue.NULL, FieldValue.of(3)))
                .isEqualTo(ANY + "{\"bool\":{\"filter\":[{\"bool\":{\"must_not\":"
                        + "[{\"exists\":{\"field\":\"name\"}}]}},{\"range\":{\"id\":{\"lte\":3}}}]}}]}}");
    }

    @Test
    void aMissingDateIsTheExtremeElasticsearchSortedItAs() {
        String missingAscending = atOrBefore("created_at", FieldValue.of(Long.MAX_VALUE), FieldValue.of(1));
        String missingDescending = atOrBefore("-created_at", FieldValue.of(Long.MIN_VALUE), FieldValue.of(1));
        assertThat(missingAscending).startsWith(ANY + "{\"exists\":{\"field\":\"created_at\"}}");
        assertThat(missingDescending).startsWith(ANY + "{\"exists\":{\"field\":\"created_at\"}}");
        assertThat(atOrBefore("-created_at", FieldValue.of(1_700_000_000_000L), FieldValue.of(1)))
                .contains("{\"range\":{\"created_at\":{\"gt\":1700000000000}}}");
    }

    @Test
    void theAccountLeadingTheNameSortIsAKeyLikeAnyOther() {
        assertThat(ContactSort.parse("name").fields()).hasSize(3);
        assertThat(atOrBefore("name", FieldValue.of(5), FieldValue.of("x"), FieldValue.of(2)))
                .contains("{\"range\":{\"account_id\":{\"lt\":5}}}", "{\"term\":{\"account_id\":{\"value\":5}}}",
                        "{\"range\":{\"name\":{\"lt\":\"x\"}}}", "{\"range\":{\"id\":{\"lte\":2}}}");
    }

    @Test
    void aPositionMustHaveOneValuePerSortField() {
        assertThatThrownBy(() -> SortPosition.atOrBefore(ContactSort.parse("name").fields(),
                List.of(FieldValue.of(1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
