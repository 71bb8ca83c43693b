package io.contacts.query.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One condition of a filter {@code payload} as sent (reference 5.1); {@code values} is kept raw, since what it may
 * hold depends on the key and operator. {@code queryOperator} joins this condition to the next.
 */
public record Condition(String attributeKey, String filterOperator, JsonNode values, String queryOperator) {

    public Condition {
        values = values == null ? MissingNode.getInstance() : values;
    }

    /**
     * The conditions of a request body's {@code payload}. Chatwoot fails with a 500 when it is missing or null; a
     * clear 422 here.
     */
    public static List<Condition> listOf(JsonNode payload) {
        if (payload == null || !payload.isArray()) {
            throw new InvalidFilterException("Specify the filter conditions in payload, an array of "
                    + "{attribute_key, filter_operator, values, query_operator}");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode element : payload) {
            if (!element.isObject()) {
                throw new InvalidFilterException("Every filter condition in payload must be an object");
            }
            conditions.add(new Condition(text(element.get("attribute_key")), text(element.get("filter_operator")),
                    element.get("values"), text(element.get("query_operator"))));
        }
        return conditions;
    }

    /** Rails' {@code blank?}: missing, null, {@code []}, or a string of whitespace. */
    boolean valuesBlank() {
        return values.isMissingNode() || values.isNull() || (values.isArray() && values.isEmpty())
                || (values.isTextual() && values.textValue().isBlank());
    }

    /** The values as a list: a plain value counts as one (Chatwoot tolerates a string); nulls are dropped. */
    List<JsonNode> valueList() {
        List<JsonNode> list = new ArrayList<>();
        if (values.isArray()) {
            values.forEach(v -> {
                if (!v.isNull()) {
                    list.add(v);
                }
            });
        } else if (!values.isMissingNode() && !values.isNull()) {
            list.add(values);
        }
        return list;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
