package io.contacts.command.definition;

import io.contacts.command.account.AccountMember;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /custom_attribute_definitions}: account configuration, so all of it (reads too) is served here, where it is
 * stored. Any member reads; administrators create and delete (Chatwoot's policy).
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/custom_attribute_definitions")
class AttributeDefinitionController {

    private final AttributeDefinitions definitions;

    AttributeDefinitionController(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    /** A bare array, as Chatwoot's index; {@code attribute_model} narrows it to one model. */
    @GetMapping
    List<Map<String, Object>> index(@PathVariable long accountId,
                                    @RequestParam(name = "attribute_model", required = false) String model) {
        return definitions.list(accountId, model == null || model.isBlank() ? null : model).stream()
                .map(AttributeDefinition::toJson).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long accountId, @PathVariable String id) {
        return definitions.find(accountId, id(id)).orElseThrow(AttributeDefinitionController::notFound).toJson();
    }

    /** Chatwoot's defaults: display type text, model conversation_attribute. */
    @PostMapping
    Map<String, Object> create(@PathVariable long accountId, JsonBody body,
                               @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        String key = body.text("attribute_key");
        String displayName = body.text("attribute_display_name");
        String displayType = orDefault(body.text("attribute_display_type"), "text");
        String model = orDefault(body.text("attribute_model"), "conversation_attribute");
        List<Violation> violations = DefinitionRules.violations(key, displayName, displayType, model);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        try {
            return definitions.create(accountId, key, displayName.strip(), displayType, model,
                    body.text("attribute_description"), body.looseStrings("attribute_values"),
                    body.text("default_value")).toJson();
        } catch (DuplicateKeyException e) {
            throw new ValidationFailedException(List.of(new Violation("attribute_key",
                    "Attribute key has already been taken")));
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long accountId, @PathVariable String id,
                                @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        if (!definitions.delete(accountId, id(id))) {
            throw notFound();
        }
        return ResponseEntity.ok().build();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long id(String id) {
        if (!id.matches("[1-9]\\d{0,17}")) {
            throw notFound();
        }
        return Long.parseLong(id);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Custom attribute definition not found");
    }
}
