package io.contacts.query.filter;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.query.search.IndexedGrams;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query of a filter DSL {@code payload} in an account: custom attribute keys are typed by the account's
 * definitions (asked for only when a condition needs them). Invalid payloads are {@link InvalidFilterException}s.
 */
@Component
public class ContactFilter {

    private final AttributeDefinitions definitions;
    private final IndexedGrams grams;
    private final Clock clock = Clock.systemUTC();

    ContactFilter(AttributeDefinitions definitions, IndexedGrams grams) {
        this.definitions = definitions;
        this.grams = grams;
    }

    /** The query of the payload's conditions, empty when there are none. */
    public Optional<Query> query(long accountId, JsonNode payload) {
        List<Condition> conditions = Condition.listOf(payload);
        Set<String> customKeys = conditions.stream().map(Condition::attributeKey)
                .filter(key -> key != null && StandardKey.of(key).isEmpty()).collect(Collectors.toSet());
        Map<String, CustomType> types = customKeys.isEmpty() ? Map.of()
                : definitions.contactAttributeTypes(accountId, customKeys);
        return FilterQuery.of(conditions, types, LocalDate.now(clock), grams.complete());
    }
}
