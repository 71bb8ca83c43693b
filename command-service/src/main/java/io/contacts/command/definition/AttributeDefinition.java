package io.contacts.command.definition;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A custom attribute definition of an account, as Chatwoot renders it. */
record AttributeDefinition(long id, long accountId, String key, String displayName, DisplayType displayType,
                           AttributeModel model, String description, List<String> values, String defaultValue,
                           Instant createdAt, Instant updatedAt) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("attribute_display_name", displayName);
        json.put("attribute_display_type", displayType.json());
        json.put("attribute_description", description);
        json.put("attribute_key", key);
        json.put("attribute_values", values);
        json.put("attribute_model", model.json());
        json.put("default_value", defaultValue);
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        return json;
    }
}
