package io.contacts.command.upsert;

import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a batch upsert: {@code {"payload": [{"index", "status", "id", "errors"}], "meta": {counts}}}, one
 * result per item in request order. A failed item's errors name the field and, for a value another contact holds,
 * that contact's id ({@code holder_id}).
 */
final class BatchUpsertAnswer {

    enum Status { CREATED, UPDATED, UNCHANGED, FAILED }

    private BatchUpsertAnswer() {
    }

    static Status status(UpsertBatch.Applied<BatchItem> item) {
        return switch (item.outcome()) {
            case REJECT -> Status.FAILED;
            case CREATE -> Status.CREATED;
            case UPDATE, DUPLICATE -> item.changed() ? Status.UPDATED : Status.UNCHANGED;
        };
    }

    /** The contacts the batch created or changed, each at its last state: what must be searchable before the 200. */
    static Collection<ContactState> written(List<UpsertBatch.Applied<BatchItem>> items) {
        Map<Long, ContactState> last = new LinkedHashMap<>();
        for (UpsertBatch.Applied<BatchItem> item : items) {
            if (item.changed()) {
                last.merge(item.contactId(), item.state(), (a, b) -> a.sequence() >= b.sequence() ? a : b);
            }
        }
        return last.values();
    }

    static Map<String, Object> of(List<UpsertBatch.Applied<BatchItem>> items) {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        List<Map<String, Object>> payload = new ArrayList<>(items.size());
        for (UpsertBatch.Applied<BatchItem> item : items) {
            Status status = status(item);
            counts.merge(status, 1, Integer::sum);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", item.item().index());
            result.put("status", name(status));
            result.put("id", status == Status.FAILED ? null : item.contactId());
            result.put("errors", errors(item.violations(), item.holders()));
            payload.add(result);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        counts.forEach((status, count) -> meta.put(name(status), count));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payload", payload);
        answer.put("meta", meta);
        return answer;
    }

    private static List<Map<String, Object>> errors(List<Violation> violations, Map<ClaimKind, Long> holders) {
        List<Map<String, Object>> errors = new ArrayList<>(violations.size());
        for (Violation violation : violations) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("attribute", violation.attribute());
            error.put("message", violation.message());
            holders.forEach((kind, holder) -> {
                if (kind.attribute().equals(violation.attribute())) {
                    error.put("holder_id", holder);
                }
            });
            errors.add(error);
        }
        return errors;
    }

    private static String name(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
