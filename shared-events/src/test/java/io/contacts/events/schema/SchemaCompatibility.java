package io.contacts.events.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The breaking changes between a released schema and its current version, in both directions: subscribers built on
 * the released schema must read new events, and subscribers on the new schema must read events already in the topic.
 * So, at every object level: no property removed or retyped, the required set unchanged (a new property must be
 * optional), no closed {@code additionalProperties}, no enum value dropped; array items compared alike.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("$", released, current, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (!types(released).equals(types(current))) {
            breaks.add(path + " retyped from " + types(released) + " to " + types(current));
            return;
        }
        compareEnums(path, released, current, breaks);
        Set<String> wasRequired = strings(released.path("required"));
        Set<String> isRequired = strings(current.path("required"));
        for (String name : isRequired) {
            if (!wasRequired.contains(name)) {
                breaks.add(path + "." + name + " made required");
            }
        }
        for (String name : wasRequired) {
            if (!isRequired.contains(name)) {
                breaks.add(path + "." + name + " no longer required");
            }
        }
        if (released.path("additionalProperties").asBoolean(true) && !current.path("additionalProperties").asBoolean(true)) {
            breaks.add(path + " no longer allows additional properties");
        }
        Iterator<String> names = released.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode now = current.path("properties").get(name);
            if (now == null) {
                breaks.add(path + "." + name + " removed");
            } else {
                compare(path + "." + name, released.path("properties").get(name), now, breaks);
            }
        }
        if (released.has("items")) {
            if (current.has("items")) {
                compare(path + "[]", released.get("items"), current.get("items"), breaks);
            } else {
                breaks.add(path + "[] items no longer described");
            }
        }
    }

    private static void compareEnums(String path, JsonNode released, JsonNode current, List<String> breaks) {
        if (!current.has("enum")) {
            return;
        }
        if (!released.has("enum")) {
            breaks.add(path + " restricted to " + strings(current.get("enum")));
            return;
        }
        Set<String> dropped = strings(released.get("enum"));
        dropped.removeAll(strings(current.get("enum")));
        if (!dropped.isEmpty()) {
            breaks.add(path + " no longer allows " + dropped);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? strings(type) : type.isMissingNode() ? Set.of() : Set.of(type.asText());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
