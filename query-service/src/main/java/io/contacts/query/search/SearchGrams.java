package io.contacts.query.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.util.List;
import java.util.Set;

/**
 * The grams that make a substring search a few term look-ups instead of a walk over every term of the index. The
 * distribution has no n-gram tokenizer, so the projection computes them: for each code point of a value, the gram of
 * it and the next two (shorter at the end of the value), each written as the lower-case hex of its UTF-8 bytes, which
 * the {@code whitespace} analyzer keeps as one token. A text of three or more code points is a substring exactly when
 * its grams stand at consecutive positions (a phrase); a shorter one when it begins one of the value's grams (a prefix
 * of the hex: UTF-8 is a prefix code). Name, email and phone number are gram'd lower-cased, the identifier as it is.
 */
public final class SearchGrams {

    /** The source fields that have a gram field beside them. */
    private static final Set<String> SOURCES = Set.of("name", "email", "phone_number", "identifier");
    private static final int GRAM = 3;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int REPLACEMENT = 0xFFFD;

    private SearchGrams() {
    }

    /** The gram field of a source field ({@code name} → {@code name_grams}). */
    public static String field(String source) {
        return source + "_grams";
    }

    public static boolean has(String source) {
        return SOURCES.contains(source);
    }

    /** Every source field's gram field, for the mapping. */
    public static List<String> fields() {
        return SOURCES.stream().sorted().map(SearchGrams::field).toList();
    }

    /** The value of a gram field: its tokens in order, space-separated; null for a missing or empty value. */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int[] points = value.codePoints().toArray();
        StringBuilder tokens = new StringBuilder(points.length * 8);
        for (int start = 0; start < points.length; start++) {
            if (start > 0) {
                tokens.append(' ');
            }
            hex(points, start, Math.min(start + GRAM, points.length), tokens);
        }
        return tokens.toString();
    }

    /**
     * Values of {@code source} containing {@code text}, both in the field's case (see {@link #lower}). The empty
     * text is in every value, as in {@code LIKE '%%'}.
     */
    public static Query contains(String source, String text) {
        String field = field(source);
        int[] points = text.codePoints().toArray();
        if (points.length == 0) {
            return Query.of(q -> q.exists(e -> e.field(source)));
        }
        if (points.length < GRAM) {
            StringBuilder prefix = new StringBuilder();
            hex(points, 0, points.length, prefix);
            return Query.of(q -> q.prefix(p -> p.field(field).value(prefix.toString())));
        }
        StringBuilder phrase = new StringBuilder(points.length * 8);
        for (int start = 0; start + GRAM <= points.length; start++) {
            if (start > 0) {
                phrase.append(' ');
            }
            hex(points, start, start + GRAM, phrase);
        }
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(phrase.toString())));
    }

    /** Lower-case per code point, as Lucene's {@code lowercase} normalizer does (not {@link String#toLowerCase}). */
    public static String lower(String text) {
        return text.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Appends the hex of the UTF-8 of these code points; a lone surrogate is U+FFFD, as Lucene indexes it. */
    private static void hex(int[] points, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            int point = Character.getType(points[i]) == Character.SURROGATE ? REPLACEMENT : points[i];
            if (point < 0x80) {
                byteHex(point, out);
            } else if (point < 0x800) {
                byteHex(0xC0 | point >> 6, out);
                byteHex(0x80 | point & 0x3F, out);
            } else if (point < 0x10000) {
                byteHex(0xE0 | point >> 12, out);
                byteHex(0x80 | point >> 6 & 0x3F, out);
                byteHex(0x80 | point & 0x3F, out);
            } else {
                byteHex(0xF0 | point >> 18, out);
                byteHex(0x80 | point >> 12 & 0x3F, out);
                byteHex(0x80 | point >> 6 & 0x3F, out);
                byteHex(0x80 | point & 0x3F, out);
            }
        }
    }

    private static void byteHex(int b, StringBuilder out) {
        out.append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
    }
}
