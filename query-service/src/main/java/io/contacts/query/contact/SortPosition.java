package io.contacts.query.contact;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

import java.util.ArrayList;
import java.util.List;

/**
 * The contacts that sort at or before a given sort position (the sort values of one hit), as a query: with it a count
 * tells where that position is in the sorted result now. It follows the sort exactly: each field's direction, where
 * its missing values go, and what a missing value looks like among the sort values (null for a keyword, the
 * substituted extreme long for a date). Keyword fields are compared on their normalized terms, which are what sort
 * values hold, so a range on them orders as the sort does.
 */
final class SortPosition {

    private SortPosition() {
    }

    static Query atOrBefore(List<ContactSort.SortField> fields, List<FieldValue> values) {
        if (fields.size() != values.size()) {
            throw new IllegalArgumentException("a sort position of " + values.size() + " values for " + fields.size()
                    + " sort fields");
        }
        List<Query> alternatives = new ArrayList<>();
        List<Query> equalSoFar = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            ContactSort.SortField field = fields.get(i);
            FieldValue value = missing(field, values.get(i)) ? null : values.get(i);
            boolean last = i == fields.size() - 1;
            Query before = last ? atOrBefore(field, value) : before(field, value);
            if (before != null) {
                List<Query> conjunction = new ArrayList<>(equalSoFar);
                conjunction.add(before);
                alternatives.add(and(conjunction));
            }
            equalSoFar.add(equal(field, value));
        }
        if (alternatives.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    /** Sorts strictly before {@code value} on this field; null when nothing can. */
    private static Query before(ContactSort.SortField field, FieldValue value) {
        if (value == null) {
            return field.missingFirst() ? null : exists(field);
        }
        Query range = Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field.field());
            return field.descending() ? u.gt(JsonData.of(value._get())) : u.lt(JsonData.of(value._get()));
        })));
        return field.missingFirst() ? or(range, notExists(field)) : range;
    }

    /** The tie-breaker (always present, unique): at or before. */
    private static Query atOrBefore(ContactSort.SortField field, FieldValue value) {
        if (value == null) {
            throw new IllegalArgumentException("the last sort field (" + field.field() + ") must have a value");
        }
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field.field());
            return field.descending() ? u.gte(JsonData.of(value._get())) : u.lte(JsonData.of(value._get()));
        })));
    }

    private static Query equal(ContactSort.SortField field, FieldValue value) {
        return value == null ? notExists(field) : Query.of(q -> q.term(t -> t.field(field.field()).value(value)));
    }

    /**
     * Elasticsearch hands a missing keyword back as null and a missing number as the extreme it sorted it as
     * ({@code Long.MAX_VALUE} last ascending, {@code Long.MIN_VALUE} last descending); no date is either.
     */
    private static boolean missing(ContactSort.SortField field, FieldValue value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isLong()) {
            return false;
        }
        long extreme = field.descending() == field.missingFirst() ? Long.MAX_VALUE : Long.MIN_VALUE;
        return value.longValue() == extreme;
    }

    private static Query exists(ContactSort.SortField field) {
        return Query.of(q -> q.exists(e -> e.field(field.field())));
    }

    private static Query notExists(ContactSort.SortField field) {
        return Query.of(q -> q.bool(b -> b.mustNot(exists(field))));
    }

    private static Query and(List<Query> queries) {
        return queries.size() == 1 ? queries.get(0) : Query.of(q -> q.bool(BoolQuery.of(b -> b.filter(queries))));
    }

    private static Query or(Query a, Query b) {
        return Query.of(q -> q.bool(o -> o.should(a, b).minimumShouldMatch("1")));
    }
}
