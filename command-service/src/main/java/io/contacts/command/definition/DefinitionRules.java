package io.contacts.command.definition;

import io.contacts.command.web.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What makes a custom attribute definition valid (Chatwoot's model validations, with a key format added). */
final class DefinitionRules {

    /** The filter's standard keys: a contact attribute of that name could never be filtered on. */
    static final Set<String> RESERVED_CONTACT_KEYS = Set.of("name", "phone_number", "email", "identifier",
            "country_code", "city", "company", "labels", "created_at", "last_activity_at", "blocked");

    private DefinitionRules() {
    }

    /** A null display type or model is one an update sets to null (a create defaults them first). */
    static List<Violation> violations(String key, String displayName, DisplayType displayType,
                                      AttributeModel model) {
        List<Violation> violations = new ArrayList<>();
        if (key == null || key.isBlank()) {
            violations.add(new Violation("attribute_key", "Attribute key can't be blank"));
        } else if (!key.matches("[a-z0-9_]{1,255}")) {
            violations.add(new Violation("attribute_key", "Attribute key is invalid"));
        } else if (model == AttributeModel.CONTACT_ATTRIBUTE && RESERVED_CONTACT_KEYS.contains(key)) {
            violations.add(new Violation("attribute_key", "Attribute key is reserved"));
        }
        if (displayName == null || displayName.isBlank()) {
            violations.add(new Violation("attribute_display_name", "Attribute display name can't be blank"));
        } else if (displayName.length() > 255) {
            violations.add(new Violation("attribute_display_name",
                    "Attribute display name is too long (maximum is 255 characters)"));
        }
        if (displayType == null) {
            violations.add(new Violation("attribute_display_type", "Attribute display type can't be blank"));
        } else if (displayType == DisplayType.NOT_LISTED) {
            violations.add(new Violation("attribute_display_type", "Attribute display type is not included in the list"));
        }
        if (model == null) {
            violations.add(new Violation("attribute_model", "Attribute model can't be blank"));
        } else if (model == AttributeModel.NOT_LISTED) {
            violations.add(new Violation("attribute_model", "Attribute model is not included in the list"));
        }
        return violations;
    }
}
