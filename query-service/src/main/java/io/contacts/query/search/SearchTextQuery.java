package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Translates the search text into an Elasticsearch query: a substring of name, email or phone number (ignoring
 * case) or of the identifier (case-sensitive). The text is always literal: Elasticsearch's wildcard characters are
 * escaped and SQL's {@code %} and {@code _} have no meaning here.
 * <p>
 * On an index whose documents all have their {@link SearchGrams} ({@link IndexedGrams}) the text is looked up in
 * them; otherwise wildcards on the keyword fields walk every term of the index (slow at millions of contacts).
 */
public final class SearchTextQuery {

    /**
     * Every stored string is at most 255 characters (CONTACTS-API.md), so a longer text matches nothing; asking
     * anyway fails, as Elasticsearch refuses the wildcard automaton of a few hundred characters.
     */
    public static final int LONGEST_FIELD = 255;

    private SearchTextQuery() {
    }

    /** The query on an index without grams. */
    public static Query of(String text) {
        if (text.codePointCount(0, text.length()) > LONGEST_FIELD) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        String exact = contains(text);
        // the same lower-casing as the fields' lowercase normalizer (Lucene's per code point), not String's
        String lower = contains(SearchGrams.lower(text));
        return anyOf(wildcard("name", lower), wildcard("email", lower), wildcard("phone_number", lower),
                wildcard("identifier", exact));
    }

    /** The same matches as {@link #of(String)}, looked up in the grams of an index that has them all. */
    public static Query onGrams(String text) {
        if (text.codePointCount(0, text.length()) > LONGEST_FIELD) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        String lower = SearchGrams.lower(text);
        return anyOf(SearchGrams.contains("name", lower), SearchGrams.contains("email", lower),
                SearchGrams.contains("phone_number", lower), SearchGrams.contains("identifier", text));
    }

    private static Query anyOf(Query name, Query email, Query phoneNumber, Query identifier) {
        return Query.of(q -> q.bool(b -> b.should(name).should(email).should(phoneNumber).should(identifier)
                .minimumShouldMatch("1")));
    }

    public static String contains(String text) {
        return "*" + escape(text) + "*";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Query wildcard(String field, String pattern) {
        return Query.of(q -> q.wildcard(w -> w.field(field).value(pattern)));
    }
}
