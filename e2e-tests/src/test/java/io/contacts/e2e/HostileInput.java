package io.contacts.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.strings;

/** Generators of hostile input: malformed JSON, wrong types, odd text, query syntax, deep nesting. */
final class HostileInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Byte sequences that are not UTF-8: a lone continuation, overlongs, an encoded surrogate, 0xFE/0xFF, cut-offs. */
    static final List<byte[]> INVALID_UTF8 = List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC3, 0x28},
            new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xFE}, new byte[]{(byte) 0xFF},
            new byte[]{(byte) 0xF0, (byte) 0x9F}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /** Elasticsearch query-string and regexp syntax, JSON queries and SQL fragments, as a user could type them. */
    static final List<String> QUERY_SYNTAX = List.of("*", "?", "~", "\"", "\\", "\\\\", "AND", "OR", "NOT", "a AND b",
            "a OR *", "NOT a", "name:*", "email:*@*", "_exists_:email", "/.*/", "/[a-z]+/", "a~2", "\"a b\"~5",
            "{\"query\":{\"match_all\":{}}}", "{\"match_all\":{}}", "' OR 1=1 --", "'; DROP TABLE contacts; --",
            "%", "_", "%%", "a%", "%a_", "\" OR \"\"=\"", "1' OR '1'='1", "(a", "a)", "[a TO z]", "{* TO *}", "+a -b",
            "&&", "||", "!", "^2", "a^100", "<script>", "${jndi:ldap://x}", "\u0000", "*:*", "#", ".*");

    private HostileInput() {
    }

    /** Text a string field might be sent: control characters, NUL, lone surrogates, odd Unicode, query syntax. */
    static Gen<String> oddText() {
        Gen<String> controls = strings().betweenCodePoints(0, 0x1f).ofLengthBetween(1, 8);
        Gen<String> surrogates = pick(List.of("\ud800", "\udfff", "a\ud83d", "\ude00b", "\ud83d\ude00",
                "\ud800\ud800"));
        // any UTF-16 unit, surrogates included
        Gen<String> unicode = strings().betweenCodePoints(0, 0xffff).ofLengthBetween(1, 40);
        Gen<String> specials = pick(List.of("\u202e", "\ufeff", "\u200b", "\uffff", "\ufffe", "\u0085",
                "\u2028", "e\u0301", "\u00a0", "\\u0000", "%00", "\r\n", "\t"));
        return oneOf(controls, surrogates, unicode, specials, pick(QUERY_SYNTAX));
    }

    /** Longer than {@code limit} characters: a little, a lot, and near the 1 MB body limit. */
    static Gen<String> hugeText(int limit) {
        return pick(List.of(limit + 1, limit * 4, 65_536, 900_000))
                .zip(pick(List.of("a", "é", "😀", "\\", "\"")), (n, unit) -> unit.repeat(n));
    }

    /** A JSON value of any type but the one a field expects. */
    static Gen<JsonNode> wrongType(Kind kind) {
        Gen<JsonNode> array = pick(List.of(NODES.arrayNode(), NODES.arrayNode().add("a"),
                NODES.arrayNode().add(1).add(NODES.objectNode())));
        Gen<JsonNode> object = pick(List.of(NODES.objectNode(), NODES.objectNode().put("a", "b"),
                NODES.objectNode().set("x", NODES.arrayNode())));
        Gen<JsonNode> bool = pick(List.of(NODES.booleanNode(true), NODES.booleanNode(false)));
        Gen<JsonNode> number = pick(List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
                NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), NODES.numberNode(1e308)));
        Gen<JsonNode> text = pick(List.of(NODES.textNode("yes"), NODES.textNode("1.5"),
                NODES.textNode("null"), NODES.textNode("[]"), NODES.textNode("99999999999999999999")));
        return switch (kind) {
            case STRING -> oneOf(array, object, bool);
            case BOOLEAN -> oneOf(array, object, number, text);
            case OBJECT -> oneOf(array, bool, number, text);
            case NUMBER -> oneOf(object, bool, text, pick(List.of(NODES.numberNode(1.5),
                    NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), NODES.numberNode(1e308),
                    NODES.arrayNode().add(1))));
            case STRINGS -> oneOf(object, bool, number, text,
                    pick(List.of(NODES.arrayNode().add(1), NODES.arrayNode().add(NODES.objectNode()),
                            NODES.arrayNode().add("a").add(NODES.nullNode()), NODES.arrayNode().add(true))));
            case NUMBERS -> oneOf(object, bool, text,
                    pick(List.of(NODES.arrayNode().add("x"), NODES.arrayNode().add(1.5),
                            NODES.arrayNode().add(NODES.objectNode()), NODES.arrayNode().add(true))));
            // a list of objects whose elements are not objects
            case OBJECTS -> oneOf(object, bool, number, text,
                    pick(List.of(NODES.arrayNode().add(1), NODES.arrayNode().add("a"), NODES.arrayNode().add(true),
                            NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(NODES.arrayNode()),
                            NODES.arrayNode().add(NODES.objectNode()).add("b"))));
        };
    }

    /** The JSON type a field of an endpoint takes. */
    enum Kind { STRING, BOOLEAN, OBJECT, NUMBER, STRINGS, NUMBERS, OBJECTS }

    /** A body that is not valid JSON, made from a valid one: cut, mis-bracketed, with garbage or bad bytes. */
    static Gen<byte[]> malformed(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Gen<byte[]> truncated = range(1, bytes.length - 1).map(n -> java.util.Arrays.copyOf(bytes, n));
        Gen<byte[]> trailing = pick(List.of("x", "}", "]", ",", "{}", " {\"a\":1}", "\u0000", "//", "null"))
                .map(tail -> concat(bytes, tail.getBytes(StandardCharsets.UTF_8)));
        List<Integer> structural = java.util.stream.IntStream.range(0, valid.length())
                .filter(i -> "{}[]:,\"".indexOf(valid.charAt(i)) >= 0).boxed().toList();
        Gen<byte[]> brackets = pick(structural).zip(pick(List.of('{', '}', '[', ']', '(', ')', '<', ':', ',', '\'',
                        ';')), (at, wrong) -> (valid.substring(0, at) + wrong + valid.substring(at + 1))
                        .getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> badBytes = pick(INVALID_UTF8).zip(insideAString(valid), (bad, at) -> insert(bytes, at, bad));
        // JSON whitespace (tab, LF, CR) would be valid outside a string
        Gen<byte[]> rawControls = range(0, 0x1f).assuming(b -> b != '\t' && b != '\n' && b != '\r')
                .zip(insideAString(valid), (control, at) -> insert(bytes, at, new byte[]{control.byteValue()}));
        Gen<byte[]> notJson = pick(List.of("{'name':'x'}", "{name:\"x\"}", "{\"name\":NaN}", "{\"a\":1,}",
                "{\"name\":\"x\" /* c */}", "[", "{\"a\"}", "{\"a\":}", "\"unterminated", "{\"a\":01}",
                "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "\ufeff{\"a\":1}", "<xml/>", "name=x&email=y"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        // a mutation can happen to leave a valid document; the bad bytes and raw controls never do
        return oneOf(oneOf(truncated, trailing, brackets, notJson).assuming(body -> !isJsonObjectOrEmpty(body)),
                badBytes, rawControls);
    }

    /** A valid JSON document nested far deeper than any parser should follow. */
    static Gen<String> deepNesting() {
        return range(1_001, 20_000).zip(pick(List.of("[", "{\"a\":")),
                (depth, open) -> open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
    }

    /**
     * JSON with every non-ASCII character as an escape: a lone surrogate reaches the service as sent (the JDK client
     * would encode it as "?").
     */
    static byte[] escapedJson(Object body) {
        try {
            return Edge.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ArrayNode array(JsonNode... elements) {
        ArrayNode array = NODES.arrayNode();
        for (JsonNode element : elements) {
            array.add(element);
        }
        return array;
    }

    private static Gen<Integer> insideAString(String valid) {
        int open = valid.indexOf("\":\"");
        int at = open < 0 ? 1 : open + 3;
        return constant(valid.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    private static boolean isJsonObjectOrEmpty(byte[] body) {
        if (body.length == 0) {
            return true;
        }
        try {
            JsonNode node = Edge.JSON.reader().with(com.fasterxml.jackson.databind.DeserializationFeature
                    .FAIL_ON_TRAILING_TOKENS).readTree(body);
            return node != null && node.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
