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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /custom_attribute_definitions}: account configuration, so all of it (reads too) is served here, where it is
 * stored. Any member reads; administrators create, update and delete (Chatwoot's policy).
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/custom_attribute_definitions")
class AttributeDefinitionController {

    private final AttributeDefinitions definitions;

    AttributeDefinitionController(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    /** A bare array, as Chatwoot's index; {@code attribute_model} (a name or its integer) narrows it to one model. */
    @GetMapping
    List<Map<String, Object>> index(@PathVariable long accountId,
                                    @RequestParam(name = "attribute_model", required = false) AttributeModel model) {
        if (model == AttributeModel.NOT_LISTED) {
            return List.of();
        }
        return definitions.list(accountId, model).stream().map(AttributeDefinition::toJson).toList();
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
        DisplayType displayType = Objects.requireNonNullElse(body.choice("attribute_display_type", DisplayType.class),
                DisplayType.TEXT);
        AttributeModel model = Objects.requireNonNullElse(body.choice("attribute_model", AttributeModel.class),
                AttributeModel.CONVERSATION_ATTRIBUTE);
        validate(key, displayName, displayType, model);
        try {
            return definitions.create(accountId, key, displayName.strip(), displayType, model,
                    body.text("attribute_description"), body.looseStrings("attribute_values"),
                    body.text("default_value")).toJson();
        } catch (DuplicateKeyException e) {
            throw keyTaken();
        }
    }

    /**
     * Chatwoot's update: the fields present replace the stored ones (null clears the description, the default and the
     * values), validated as on create. Contacts keep their stored values; filters read them as the new display type.
     */
    @RequestMapping(path = "/{id}", method = {RequestMethod.PATCH, RequestMethod.PUT})
    Map<String, Object> update(@PathVariable long accountId, @PathVariable String id, JsonBody body,
                               @RequestAttribute(AccountMember.REQUEST_ATTRIBUTE) AccountMember member) {
        member.requireAdministrator();
        long definitionId = id(id);
        AttributeDefinition current = definitions.find(accountId, definitionId)
                .orElseThrow(AttributeDefinitionController::notFound);
        String key = body.has("attribute_key") ? body.text("attribute_key") : current.key();
        String displayName = body.has("attribute_display_name") ? body.text("attribute_display_name")
                : current.displayName();
        DisplayType displayType = body.has("attribute_display_type")
                ? body.choice("attribute_display_type", DisplayType.class) : current.displayType();
        AttributeModel model = body.has("attribute_model") ? body.choice("attribute_model", AttributeModel.class)
                : current.model();
        String description = body.has("attribute_description") ? body.text("attribute_description")
                : current.description();
        List<String> values = body.has("attribute_values") ? body.looseStrings("attribute_values") : current.values();
        String defaultValue = body.has("default_value") ? body.text("default_value") : current.defaultValue();
        validate(key, displayName, displayType, model);
        try {
            return definitions.update(accountId, definitionId, key, displayName.strip(), displayType, model,
                    description, values, defaultValue).orElseThrow(AttributeDefinitionController::notFound).toJson();
        } catch (DuplicateKeyException e) {
            throw keyTaken();
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

    private static void validate(String key, String displayName, DisplayType displayType, AttributeModel model) {
        List<Violation> violations = DefinitionRules.violations(key, displayName, displayType, model);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static ValidationFailedException keyTaken() {
        return new ValidationFailedException(List.of(new Violation("attribute_key",
                "Attribute key has already been taken")));
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
