package io.contacts.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read as a JSON object, with typed access to its top-level fields. A body that is not JSON, not an
 * object, or a field of the wrong JSON type is a 400 that says what is wrong; unknown fields are simply not read.
 * Controllers take it as a parameter ({@link JsonBodyResolver}).
 */
public final class JsonBody {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final ObjectNode root;

    private JsonBody(ObjectMapper mapper, ObjectNode root) {
        this(mapper, root, true);
    }

    private JsonBody(ObjectMapper mapper, ObjectNode root, boolean check) {
        this.mapper = mapper;
        this.root = root;
        if (check) {
            requireStorableText(root, "");
        }
    }

    /** The request body as JSON, or as form parameters for form and multipart requests (Chatwoot takes all three). */
    public static JsonBody of(ObjectMapper mapper, HttpServletRequest request) throws IOException {
        if (isForm(request.getContentType())) {
            return new JsonBody(mapper, FormParameters.toJson(request.getParameterMap()));
        }
        return parse(mapper, request.getInputStream().readAllBytes());
    }

    /** Any other content type, or none, is taken for JSON. */
    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** An absent or empty body reads as {@code {}}. */
    public static JsonBody parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return new JsonBody(mapper, JsonNodeFactory.instance.objectNode());
        }
        if (!isUtf8(body)) {
            throw badRequest("Malformed JSON: the body is not valid UTF-8");
        }
        ObjectReader reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode node;
        try {
            node = reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw badRequest(malformed(e));
        } catch (IOException e) {
            throw badRequest("Malformed JSON");
        }
        if (node == null || node.isMissingNode()) {
            return new JsonBody(mapper, JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            throw badRequest("The request body must be a JSON object");
        }
        return new JsonBody(mapper, (ObjectNode) node);
    }

    public boolean has(String field) {
        return root.has(field);
    }

    /** Present with a value other than null. */
    public boolean present(String field) {
        return root.hasNonNull(field);
    }

    /** A string (numbers are taken as their text, as Rails casts them) or null. */
    public String text(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isNumber()) {
            return node.asText();
        }
        throw badRequest(field + " must be a string");
    }

    /** true / false, also as the strings "true" / "false"; null when absent or null. */
    public Boolean bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.valueOf(node.textValue());
        }
        throw badRequest(field + " must be true or false");
    }

    /** A JSON object as a map; null and "" read as an empty map (Chatwoot normalises blank hashes to {}). */
    public Map<String, Object> object(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw badRequest(field + " must be an object");
        }
        return mapper.convertValue(node, MAP);
    }

    /**
     * An array of JSON objects, each as a body of its own; null when absent or null. Not a list, or an element that is
     * not an object, is a 400 that names it.
     */
    public List<JsonBody> objects(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw badRequest(field + " must be an array of objects");
        }
        List<JsonBody> objects = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw badRequest(field + "[" + objects.size() + "] must be an object");
            }
            // the text of the whole body is checked already
            objects.add(new JsonBody(mapper, (ObjectNode) element, false));
        }
        return objects;
    }

    /** An array of strings; absent or null reads as an empty list. */
    public List<String> strings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw badRequest(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw badRequest(field + " must be an array of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    /** An array of whole numbers (also as numeric strings); absent or null reads as an empty list. */
    public List<Long> numbers(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : JsonNodeFactory.instance.arrayNode().add(node)) {
            if (element.canConvertToExactIntegral() && element.canConvertToLong()) {
                values.add(element.asLong());
            } else if (element.isTextual() && element.textValue().matches("-?\\d{1,18}")) {
                values.add(Long.valueOf(element.textValue()));
            } else {
                throw badRequest(field + " must be an array of numbers");
            }
        }
        return values;
    }

    /**
     * A list as Rails casts loose parameters: the string and number elements of an array, as text; anything that is
     * not an array (absent, null, a string, an object) reads as an empty list.
     */
    public List<String> looseStrings(String field) {
        JsonNode node = root.get(field);
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                if (element.isTextual() || element.isNumber()) {
                    values.add(element.asText());
                }
            }
        }
        return values;
    }

    /** A whole number (also as a numeric string); null when absent or null. */
    public Long number(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual() && node.textValue().matches("-?\\d{1,18}")) {
            return Long.valueOf(node.textValue());
        }
        throw badRequest(field + " must be a number");
    }

    /**
     * One of an enum's values, bound by Jackson as the enum's annotations say (its names, Chatwoot's integers as
     * ordinals); any other name or integer is its {@code @JsonEnumDefaultValue}, for the caller to refuse with the
     * request's other faults. Null when absent, null or blank (Rails' {@code presence}); any other JSON type is a 400.
     */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            return null;
        }
        try {
            return mapper.readerFor(type).with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                    .readValue(node);
        } catch (IOException e) {
            throw badRequest(field + " must be a name or an integer of its list");
        }
    }

    /**
     * Strictly UTF-8 (RFC 8259): the parser lets overlong forms (a "/" as E0 80 AF), encoded surrogates and code points
     * beyond U+10FFFF through, which the JDK's decoder refuses.
     */
    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * NUL and unpaired surrogates are valid in JSON escapes but not text PostgreSQL (or UTF-8) can hold: refused in
     * any key or value, before anything is written, instead of failing half-way in the database.
     */
    private static void requireStorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            requireStorable(node.textValue(), path);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireStorable(field.getKey(), at);
                requireStorableText(field.getValue(), at);
            });
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                requireStorableText(element, path);
            }
        }
    }

    private static void requireStorable(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == 0 || (Character.isSurrogate(c) && !paired)) {
                throw badRequest(path + " must not contain NUL characters or unpaired surrogates");
            }
            if (paired) {
                i++;
            }
        }
    }

    /** Where the JSON broke, without the parser's internals. */
    static String malformed(JsonProcessingException e) {
        return e.getLocation() == null ? "Malformed JSON"
                : "Malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static ApiException badRequest(String error) {
        return new ApiException(HttpStatus.BAD_REQUEST, error);
    }
}
