package io.contacts.query.filter;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.query.projection.CalendarDay;
import io.contacts.query.search.SearchGrams;
import io.contacts.query.search.SearchTextQuery;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates the filter DSL (reference section 5, as fixed in CONTACTS-API.md) into one Elasticsearch query.
 * Conditions chain left to right with AND binding tighter than OR, so the query is a disjunction of conjunctions.
 * Custom attributes are read from the nested {@code custom_values} pairs, in the column their definition's type
 * names ({@link CustomType}).
 */
public final class FilterQuery {

    static final String CUSTOM_VALUES = "custom_values";
    private static final String AND = "AND";
    private static final String OR = "OR";

    private final Map<String, CustomType> customTypes;
    private final LocalDate today;
    private final boolean grams;

    private FilterQuery(Map<String, CustomType> customTypes, LocalDate today, boolean grams) {
        this.customTypes = customTypes;
        this.today = today;
        this.grams = grams;
    }

    /** {@link #of(List, Map, LocalDate, boolean)} on an index without complete search grams. */
    public static Optional<Query> of(List<Condition> conditions, Map<String, CustomType> customTypes,
                                     LocalDate today) {
        return of(conditions, customTypes, today, false);
    }

    /**
     * The query of these conditions, empty when there are none.
     *
     * @param customTypes the account's contact attribute definitions, by key
     * @param today       the current day in UTC (for {@code days_before})
     * @param grams       whether every document has its {@link SearchGrams} (contains looks them up)
     */
    public static Optional<Query> of(List<Condition> conditions, Map<String, CustomType> customTypes,
                                     LocalDate today, boolean grams) {
        checkQueryOperators(conditions);
        FilterQuery filter = new FilterQuery(customTypes, today, grams);
        List<Query> translated = conditions.stream().map(filter::condition).toList();
        if (translated.isEmpty()) {
            return Optional.empty();
        }
        List<List<Query>> disjuncts = new ArrayList<>();
        disjuncts.add(new ArrayList<>(List.of(translated.get(0))));
        for (int i = 1; i < translated.size(); i++) {
            if (OR.equals(joiner(conditions.get(i - 1)))) {
                disjuncts.add(new ArrayList<>());
            }
            disjuncts.get(disjuncts.size() - 1).add(translated.get(i));
        }
        List<Query> anyOf = disjuncts.stream().map(FilterQuery::all).toList();
        return Optional.of(anyOf.size() == 1 ? anyOf.get(0) : any(anyOf));
    }

    /**
     * All query operators are checked before any condition (reference 5.4). A trailing one on the last condition is
     * ignored (Chatwoot fails with a 500) but must still be AND or OR; an inner condition without one is refused.
     */
    private static void checkQueryOperators(List<Condition> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            String joiner = joiner(conditions.get(i));
            boolean last = i == conditions.size() - 1;
            if (joiner == null ? !last : !(joiner.equals(AND) || joiner.equals(OR))) {
                throw InvalidFilterException.queryOperator();
            }
        }
    }

    private static String joiner(Condition condition) {
        String operator = condition.queryOperator();
        return operator == null || operator.isBlank() ? null : operator.strip().toUpperCase(Locale.ROOT);
    }

    /** Validation in Chatwoot's order (reference 5.4), then the translation. */
    private Query condition(Condition condition) {
        String key = condition.attributeKey();
        Optional<StandardKey> standard = StandardKey.of(key);
        Optional<Operator> operator = Operator.of(condition.filterOperator());
        if (standard.isPresent() && (operator.isEmpty() || !standard.get().operators().contains(operator.get()))) {
            throw InvalidFilterException.operator(key, standard.get().operators());
        }
        if (operator.map(Operator::needsValues).orElse(true)
                && (condition.valuesBlank() || condition.valueList().isEmpty())) {
            throw InvalidFilterException.value(key);
        }
        if (standard.isPresent()) {
            return new Values(key, condition).standard(standard.get(), operator.get());
        }
        CustomType type = key == null ? null : customTypes.get(key);
        if (type == null) {
            throw InvalidFilterException.attribute(key);
        }
        // custom attributes have no operator list; an unknown operator compares for equality, as Chatwoot
        return new Values(key, condition).custom(type, operator.orElse(Operator.EQUAL_TO));
    }

    /** The values of one condition, read as the key and operator need them. */
    private final class Values {

        private final String key;
        private final List<JsonNode> values;

        Values(String key, Condition condition) {
            this.key = key;
            this.values = condition.valueList();
        }

        Query standard(StandardKey standard, Operator operator) {
            String field = standard.field();
            switch (standard.kind()) {
                case TEXT:
                    return text(field, operator, texts());
                case PHONE:
                    if (operator == Operator.STARTS_WITH) {
                        return prefix(field, phone(first().asText()));
                    }
                    boolean exact = operator == Operator.EQUAL_TO || operator == Operator.NOT_EQUAL_TO;
                    return text(field, operator, exact ? texts().stream().map(FilterQuery::phone).toList() : texts());
                case LABELS:
                    return labels(operator);
                case DATE:
                    return dateBefore(field, operator, "epoch_millis",
                            day -> String.valueOf(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
                case BOOLEAN:
                    Query equal = any(booleans().stream().map(b -> term(field, FieldValue.of(b))).toList());
                    return operator == Operator.EQUAL_TO ? equal : not(equal);
                default:
                    throw new IllegalStateException("Unknown key kind " + standard.kind());
            }
        }

        private Query text(String field, Operator operator, List<String> texts) {
            switch (operator) {
                case EQUAL_TO:
                    return anyTerm(field, texts);
                case NOT_EQUAL_TO:
                    // SQL: a NULL field is neither equal nor unequal
                    return all(List.of(exists(field), not(anyTerm(field, texts))));
                case CONTAINS:
                    return anyContaining(field, texts);
                case DOES_NOT_CONTAIN:
                    return all(List.of(exists(field), not(anyContaining(field, texts))));
                default:
                    throw InvalidFilterException.value(key);
            }
        }

        private Query labels(Operator operator) {
            switch (operator) {
                case EQUAL_TO:
                    return anyTerm("labels", texts());
                case NOT_EQUAL_TO:
                    // contacts without labels do not have it either
                    return not(anyTerm("labels", texts()));
                case IS_PRESENT:
                    return exists("labels");
                default:
                    return not(exists("labels"));
            }
        }

        /** is_greater_than, is_less_than and days_before compare calendar days, using only the first value. */
        private Query dateBefore(String field, Operator operator, String format, Function<LocalDate, String> bound) {
            switch (operator) {
                case IS_GREATER_THAN:
                    return Query.of(q -> q.range(r -> r.date(d -> d.field(field).format(format)
                            .gte(bound.apply(day(first()).plusDays(1))))));
                case IS_LESS_THAN:
                    return Query.of(q -> q.range(r -> r.date(d -> d.field(field).format(format)
                            .lt(bound.apply(day(first()))))));
                case DAYS_BEFORE:
                    return Query.of(q -> q.range(r -> r.date(d -> d.field(field).format(format)
                            .lt(bound.apply(today.minusDays(days(first())))))));
                default:
                    throw InvalidFilterException.value(key);
            }
        }

        Query custom(CustomType type, Operator operator) {
            String column = CUSTOM_VALUES + "." + type.column();
            String text = CUSTOM_VALUES + "." + CustomType.TEXT.column();
            switch (operator) {
                case EQUAL_TO:
                    return customValue(equalTo(type, column));
                case NOT_EQUAL_TO:
                    // a contact without the attribute matches too, as Chatwoot's "OR ... IS NULL"
                    return not(customValue(equalTo(type, column)));
                case CONTAINS:
                    return customValue(anyWildcard(text, texts()));
                case DOES_NOT_CONTAIN:
                    return all(List.of(customValue(exists(text)), not(customValue(anyWildcard(text, texts())))));
                case IS_PRESENT:
                    return customValue(null);
                case IS_NOT_PRESENT:
                    return not(customValue(null));
                case STARTS_WITH:
                    return customValue(prefix(text, first().asText()));
                case DAYS_BEFORE:
                    return customValue(dateBefore(CUSTOM_VALUES + "." + CustomType.DATE.column(), operator,
                            "strict_date", LocalDate::toString));
                default:
                    return customValue(compare(type, column, operator));
            }
        }

        private Query equalTo(CustomType type, String column) {
            switch (type) {
                case NUMBER:
                    return any(numbers().stream().map(n -> term(column, FieldValue.of(n))).toList());
                case DATE:
                    return any(values.stream().map(v -> {
                        String day = day(v).toString();
                        return Query.of(q -> q.range(r -> r.date(d -> d.field(column).format("strict_date")
                                .gte(day).lte(day))));
                    }).toList());
                case BOOLEAN:
                    return any(booleans().stream().map(b -> term(column, FieldValue.of(b))).toList());
                default:
                    return anyTerm(column, texts());
            }
        }

        /** is_greater_than / is_less_than: numbers as numbers, dates as days, anything else as lower-cased text. */
        private Query compare(CustomType type, String column, Operator operator) {
            boolean greater = operator == Operator.IS_GREATER_THAN;
            switch (type) {
                case NUMBER:
                    double number = number(first());
                    return Query.of(q -> q.range(r -> r.number(n -> greater ? n.field(column).gt(number)
                            : n.field(column).lt(number))));
                case DATE:
                    return dateBefore(column, operator, "strict_date", LocalDate::toString);
                default:
                    String text = CUSTOM_VALUES + "." + CustomType.TEXT.column();
                    String value = lower(first().asText());
                    return Query.of(q -> q.range(r -> r.term(t -> greater ? t.field(text).gt(value)
                            : t.field(text).lt(value))));
            }
        }

        /** A custom_values pair with this key (and, when given, a value matching {@code value}). */
        private Query customValue(Query value) {
            List<Query> pair = new ArrayList<>();
            pair.add(term(CUSTOM_VALUES + ".key", FieldValue.of(key)));
            if (value != null) {
                pair.add(value);
            }
            return Query.of(q -> q.nested(n -> n.path(CUSTOM_VALUES).query(all(pair))));
        }

        private JsonNode first() {
            return values.get(0);
        }

        private List<String> texts() {
            return values.stream().map(v -> {
                if (v.isContainerNode()) {
                    throw InvalidFilterException.value(key);
                }
                return v.asText().strip();
            }).toList();
        }

        private List<Boolean> booleans() {
            return values.stream().map(v -> {
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
                if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
                    return Boolean.valueOf(v.textValue());
                }
                throw InvalidFilterException.value(key);
            }).toList();
        }

        private List<Double> numbers() {
            return values.stream().map(this::number).toList();
        }

        private double number(JsonNode value) {
            if (value.isNumber()) {
                return value.doubleValue();
            }
            try {
                double parsed = Double.parseDouble(value.asText().strip());
                if (value.isTextual() && Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw InvalidFilterException.value(key);
        }

        private long days(JsonNode value) {
            if (value.canConvertToExactIntegral() && value.canConvertToLong()) {
                return value.asLong();
            }
            if (value.isTextual() && value.textValue().strip().matches("-?\\d{1,9}")) {
                return Long.parseLong(value.textValue().strip());
            }
            throw InvalidFilterException.value(key);
        }

        private LocalDate day(JsonNode value) {
            LocalDate day = value.isTextual() ? CalendarDay.parse(value.textValue()) : null;
            if (day == null) {
                throw InvalidFilterException.value(key);
            }
            return day;
        }
    }

    /** Chatwoot's phone normalisation: every {@code +} removed, one leading {@code +} added; spaces kept. */
    static String phone(String value) {
        return "+" + value.replace("+", "");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Query anyTerm(String field, List<String> texts) {
        return any(texts.stream().map(t -> Query.of(q -> q.term(x -> x.field(field).value(t)
                .caseInsensitive(true)))).toList());
    }

    /** {@link #anyWildcard}, looked up in the field's grams when it has them. */
    private Query anyContaining(String field, List<String> texts) {
        if (!grams || !SearchGrams.has(field)) {
            return anyWildcard(field, texts);
        }
        // what the case-insensitive wildcard of the lower-cased text matches in the lower-cased terms
        return any(texts.stream().map(t -> t.codePointCount(0, t.length()) > SearchTextQuery.LONGEST_FIELD
                ? Query.of(q -> q.matchNone(m -> m))
                : SearchGrams.contains(field, SearchGrams.lower(lower(t)))).toList());
    }

    /** Contains any of the texts, ignoring case; a text longer than any stored value contains nothing. */
    private static Query anyWildcard(String field, List<String> texts) {
        return any(texts.stream().map(t -> t.codePointCount(0, t.length()) > 255
                ? Query.of(q -> q.matchNone(m -> m))
                : Query.of(q -> q.wildcard(w -> w.field(field).value(SearchTextQuery.contains(lower(t)))
                .caseInsensitive(true)))).toList());
    }

    private static Query prefix(String field, String value) {
        return Query.of(q -> q.prefix(p -> p.field(field).value(lower(value)).caseInsensitive(true)));
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static Query not(Query query) {
        return Query.of(q -> q.bool(b -> b.mustNot(query)));
    }

    private static Query all(List<Query> queries) {
        return queries.size() == 1 ? queries.get(0) : Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    private static Query any(List<Query> queries) {
        return queries.size() == 1 ? queries.get(0)
                : Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }
}
