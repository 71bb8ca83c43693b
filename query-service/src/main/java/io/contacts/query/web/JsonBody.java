package io.contacts.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body that must be a JSON object; none at all counts as {@code {}}, anything else malformed (also a second
 * document after the first) is a 400.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!isUtf8(body)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed JSON: the body is not valid UTF-8");
        }
        try {
            JsonNode json = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(body);
            if (json == null || json.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!json.isObject()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getLocation() == null ? "Malformed JSON"
                    : "Malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed JSON");
        }
    }

    /**
     * Strictly UTF-8 (RFC 8259): the parser lets overlong forms (a "/" as E0 80 AF), encoded surrogates and code points
     * beyond U+10FFFF through, which the JDK's decoder refuses.
     */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
