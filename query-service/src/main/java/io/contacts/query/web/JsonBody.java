package io.contacts.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;

/** A request body that must be a JSON object; none at all counts as {@code {}}, anything else malformed is a 400. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode json = mapper.readTree(body);
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
}
