package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SearchGramsTest {

    @Test
    void everyCodePointStartsAGramOfItAndTheNextTwoInUtf8Hex() {
        assertThat(SearchGrams.of("abcd")).isEqualTo("616263 626364 6364 64");
        assertThat(SearchGrams.of("ab")).isEqualTo("6162 62");
        assertThat(SearchGrams.of("é€\uD83D\uDE00")).isEqualTo("c3a9e282acf09f9880 e282acf09f9880 f09f9880");
        assertThat(SearchGrams.of("")).isNull();
        assertThat(SearchGrams.of(null)).isNull();
    }

    @Test
    void aLoneSurrogateIsTheReplacementCharacterAsLuceneIndexesIt() {
        assertThat(SearchGrams.of("a\uD83D")).isEqualTo(SearchGrams.of("a\uFFFD"));
    }

    @Test
    void lowerCasingIsPerCodePointLikeTheLowercaseNormalizer() {
        assertThat(SearchGrams.lower("ÄÖÜ İ ΣΑΣ \uD801\uDC00")).isEqualTo("äöü i σασ \uD801\uDC28");
    }

    @Test
    void threeOrMoreCodePointsAreAPhraseOfTheirGrams() {
        Query query = SearchGrams.contains("email", "ada.l");
        assertThat(query.matchPhrase().field()).isEqualTo("email_grams");
        assertThat(query.matchPhrase().query()).isEqualTo("616461 64612e 612e6c");
        assertThat(query.matchPhrase().slop()).isNull();
    }

    @Test
    void shorterTextsArePrefixesOfAGramAndTheEmptyTextIsInEveryValue() {
        assertThat(SearchGrams.contains("name", "a").prefix().value()).isEqualTo("61");
        assertThat(SearchGrams.contains("identifier", "\uD83D\uDE00é").prefix().value()).isEqualTo("f09f9880c3a9");
        assertThat(SearchGrams.contains("name", "").exists().field()).isEqualTo("name");
    }

    @Test
    void gramFieldsSitBesideTheSearchedFieldsOnly() {
        assertThat(SearchGrams.fields()).containsExactly("email_grams", "identifier_grams", "name_grams",
                "phone_number_grams");
        assertThat(SearchGrams.has("city")).isFalse();
    }

    /** The index's answer, simulated on the tokens, is exactly String.contains for any value and text. */
    @Test
    void aPhraseOrPrefixMatchIsExactlyASubstring() {
        String[] alphabet = {"a", "b", "é", "\uD83D\uDE00", "\uD83D", "\uFFFD", " ", "%", "_", "*"};
        Random random = new Random(6);
        for (int round = 0; round < 20_000; round++) {
            String value = word(alphabet, random, random.nextInt(7));
            String text = word(alphabet, random, 1 + random.nextInt(4));
            assertThat(matches(value, text)).as("%s in %s", text, value)
                    .isEqualTo(replaced(value).contains(replaced(text)));
        }
    }

    private static String word(String[] alphabet, Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return word.toString();
    }

    /** What Lucene indexes: lone surrogates become U+FFFD. */
    private static String replaced(String text) {
        return text.codePoints().map(c -> Character.getType(c) == Character.SURROGATE ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean matches(String value, String text) {
        String grams = SearchGrams.of(value);
        List<String> tokens = grams == null ? List.of() : Arrays.asList(grams.split(" "));
        Query query = SearchGrams.contains("name", text);
        if (query.isPrefix()) {
            return tokens.stream().anyMatch(t -> t.startsWith(query.prefix().value()));
        }
        List<String> phrase = Arrays.asList(query.matchPhrase().query().split(" "));
        return Collections.indexOfSubList(tokens, phrase) >= 0;
    }
}
