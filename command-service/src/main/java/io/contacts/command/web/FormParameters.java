package io.contacts.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Form parameters read the way Rails (Rack) reads them, as a JSON object: {@code a[b]=1} is {@code {"a":{"b":"1"}}}
 * and {@code a[]=1&a[]=2} is {@code {"a":["1","2"]}}. Values stay strings, as in Rails.
 */
final class FormParameters {

    private static final Pattern KEY = Pattern.compile("^([^\\[\\]]+)((?:\\[[^\\[\\]]*])*)$");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\[\\]]*)]");

    private FormParameters() {
    }

    static ObjectNode toJson(Map<String, String[]> parameters) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        parameters.forEach((key, values) -> {
            for (String value : values) {
                put(root, key, value);
            }
        });
        return root;
    }

    private static void put(ObjectNode root, String key, String value) {
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw malformed(key);
        }
        List<String> path = new ArrayList<>(List.of(matcher.group(1)));
        Matcher segments = SEGMENT.matcher(matcher.group(2));
        while (segments.find()) {
            path.add(segments.group(1));
        }
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String name = path.get(i);
            boolean nextIsArray = path.get(i + 1).isEmpty();
            if (!(node instanceof ObjectNode object) || name.isEmpty()) {
                throw malformed(key);
            }
            JsonNode child = object.get(name);
            if (child == null) {
                child = nextIsArray ? object.putArray(name) : object.putObject(name);
            } else if (nextIsArray != child.isArray() || !child.isContainerNode()) {
                throw malformed(key);
            }
            node = child;
        }
        String last = path.get(path.size() - 1);
        if (node instanceof ArrayNode array && last.isEmpty()) {
            array.add(value);
        } else if (node instanceof ObjectNode object && !last.isEmpty()) {
            object.put(last, value);
        } else {
            throw malformed(key);
        }
    }

    private static ApiException malformed(String key) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Malformed form parameter: " + key);
    }
}
