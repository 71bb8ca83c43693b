package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Translates the search text into an Elasticsearch query: a substring of name, email or phone number (ignoring
 * case) or of the identifier (case-sensitive). The text is always literal: Elasticsearch's wildcard characters are
 * escaped and SQL's {@code %} and {@code _} have no meaning here.
 * <p>
 * Wildcards on keyword fields scan the terms of the account's shard; the one place to change for an n-gram index
 * when millions of contacts need it.
 */
public final class SearchTextQuery {

    /**
     * Every stored string is at most 255 characters (CONTACTS-API.md), so a longer text matches nothing; asking
     * anyway fails, as Elasticsearch refuses the wildcard automaton of a few hundred characters.
     */
    static final int LONGEST_FIELD = 255;

    private SearchTextQuery() {
    }

    public static Query of(String text) {
        if (text.codePointCount(0, text.length()) > LONGEST_FIELD) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        String exact = contains(text);
        // the same lower-casing as the fields' lowercase normalizer (Lucene's per code point), not String's
        String lower = contains(text.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        return Query.of(q -> q.bool(b -> b
                .should(wildcard("name", lower))
                .should(wildcard("email", lower))
                .should(wildcard("phone_number", lower))
                .should(wildcard("identifier", exact))
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
