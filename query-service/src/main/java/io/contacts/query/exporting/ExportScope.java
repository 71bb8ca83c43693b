package io.contacts.query.exporting;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.query.filter.ContactFilter;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Which contacts an export has (reference section 9): resolved ones only, as list and filter show; those matching
 * the filter DSL of a non-empty {@code payload}, else those tagged with {@code label} (case-insensitive), else all.
 * The same translation validates a request and runs its job, so an invalid payload is refused up front.
 */
@Component
class ExportScope {

    private final ContactFilter filter;

    ExportScope(ContactFilter filter) {
        this.filter = filter;
    }

    /** Whether a payload selects by the DSL (rather than by label or not at all). */
    static boolean hasConditions(JsonNode payload) {
        return payload != null && !payload.isNull() && !payload.isMissingNode()
                && !(payload.isArray() && payload.isEmpty());
    }

    /** @throws io.contacts.query.filter.InvalidFilterException for a payload the filter refuses */
    List<Query> conditions(long accountId, JsonNode payload, String label) {
        List<Query> conditions = new ArrayList<>();
        conditions.add(Query.of(q -> q.term(t -> t.field("resolved").value(true))));
        if (hasConditions(payload)) {
            filter.query(accountId, payload).ifPresent(conditions::add);
        } else if (label != null && !label.isBlank()) {
            conditions.add(Query.of(q -> q.terms(t -> t.field("labels").terms(v -> v.value(
                    List.of(FieldValue.of(label.strip())))))));
        }
        return conditions;
    }
}
