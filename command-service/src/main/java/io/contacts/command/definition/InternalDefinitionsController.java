package io.contacts.command.definition;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The query-service reads the definitions that type its filter conditions here (docs/internals.md). */
@RestController
class InternalDefinitionsController {

    private final AttributeDefinitions definitions;

    InternalDefinitionsController(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/internal/v1/accounts/{accountId}/custom_attribute_definitions")
    List<Map<String, Object>> definitions(@PathVariable long accountId) {
        return definitions.list(accountId, null).stream().map(AttributeDefinition::toJson).toList();
    }
}
