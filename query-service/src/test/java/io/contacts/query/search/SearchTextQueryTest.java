package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextQueryTest {

    @Test
    void wildcardMetacharactersAreEscaped() {
        assertThat(SearchTextQuery.escape("a*b?c\\d")).isEqualTo("a\\*b\\?c\\\\d");
        assertThat(SearchTextQuery.contains("*")).isEqualTo("*\\**");
    }

    @Test
    void sqlWildcardsStayLiteral() {
        assertThat(SearchTextQuery.contains("50%_off")).isEqualTo("*50%_off*");
    }

    @Test
    void nameEmailAndPhoneMatchIgnoringCaseAndIdentifierExactly() {
        Map<String, String> patterns = patterns(SearchTextQuery.of("TestIdentifier*"));
        assertThat(patterns).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name", "*testidentifier\\**",
                "email", "*testidentifier\\**",
                "phone_number", "*testidentifier\\**",
                "identifier", "*TestIdentifier\\**"));
    }

    @Test
    void textLongerThanAnyStoredValueMatchesNothing() {
        assertThat(SearchTextQuery.of("a".repeat(255)).isBool()).isTrue();
        assertThat(SearchTextQuery.of("a".repeat(256)).isMatchNone()).isTrue();
        assertThat(SearchTextQuery.of("\uD83D\uDE00".repeat(255)).isBool()).isTrue();
    }

    @Test
    void onGramsNameEmailAndPhoneAreLowerCasedAndTheIdentifierIsNot() {
        Query query = SearchTextQuery.onGrams("AbC");
        assertThat(query.bool().minimumShouldMatch()).isEqualTo("1");
        assertThat(query.bool().should().stream().collect(Collectors.toMap(q -> q.matchPhrase().field(),
                q -> q.matchPhrase().query()))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name_grams", "616263", "email_grams", "616263", "phone_number_grams", "616263",
                "identifier_grams", "416243"));
        assertThat(SearchTextQuery.onGrams("a".repeat(256)).isMatchNone()).isTrue();
        assertThat(SearchTextQuery.onGrams("\uD83D\uDE00".repeat(255)).isBool()).isTrue();
    }

    @Test
    void searchTextIsStrippedAndMustNotBeBlank() {
        assertThat(SearchText.of("  ann \t")).isEqualTo("ann");
        assertThatThrownBy(() -> SearchText.of("   ")).isInstanceOf(BlankSearchTextException.class);
        assertThatThrownBy(() -> SearchText.of(null)).isInstanceOf(BlankSearchTextException.class);
    }

    private static Map<String, String> patterns(Query query) {
        assertThat(query.bool().minimumShouldMatch()).isEqualTo("1");
        return query.bool().should().stream().collect(Collectors.toMap(q -> q.wildcard().field(),
                q -> q.wildcard().value()));
    }
}
