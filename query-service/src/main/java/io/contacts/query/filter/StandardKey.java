package io.contacts.query.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.contacts.query.filter.Operator.CONTAINS;
import static io.contacts.query.filter.Operator.DAYS_BEFORE;
import static io.contacts.query.filter.Operator.DOES_NOT_CONTAIN;
import static io.contacts.query.filter.Operator.EQUAL_TO;
import static io.contacts.query.filter.Operator.IS_GREATER_THAN;
import static io.contacts.query.filter.Operator.IS_LESS_THAN;
import static io.contacts.query.filter.Operator.IS_NOT_PRESENT;
import static io.contacts.query.filter.Operator.IS_PRESENT;
import static io.contacts.query.filter.Operator.NOT_EQUAL_TO;
import static io.contacts.query.filter.Operator.STARTS_WITH;

/** The standard filter keys of reference section 5.2: the document field, its kind and the allowed operators. */
enum StandardKey {
    NAME("name", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN),
    PHONE_NUMBER("phone_number", Kind.PHONE, EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN, STARTS_WITH),
    EMAIL("email", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN),
    IDENTIFIER("identifier", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO),
    COUNTRY_CODE("country_code", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO),
    CITY("city", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN),
    // additional_attributes.company, not company_name (reference 5.2)
    COMPANY("company", Kind.TEXT, EQUAL_TO, NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN),
    LABELS("labels", Kind.LABELS, EQUAL_TO, NOT_EQUAL_TO, IS_PRESENT, IS_NOT_PRESENT),
    CREATED_AT("created_at", Kind.DATE, IS_GREATER_THAN, IS_LESS_THAN, DAYS_BEFORE),
    LAST_ACTIVITY_AT("last_activity_at", Kind.DATE, IS_GREATER_THAN, IS_LESS_THAN, DAYS_BEFORE),
    BLOCKED("blocked", Kind.BOOLEAN, EQUAL_TO, NOT_EQUAL_TO);

    enum Kind { TEXT, PHONE, LABELS, DATE, BOOLEAN }

    private final String field;
    private final Kind kind;
    private final List<Operator> operators;

    StandardKey(String field, Kind kind, Operator... operators) {
        this.field = field;
        this.kind = kind;
        this.operators = List.of(operators);
    }

    /** The key as clients send it, which is also the document field it reads. */
    String field() {
        return field;
    }

    Kind kind() {
        return kind;
    }

    List<Operator> operators() {
        return operators;
    }

    static Optional<StandardKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.field.equals(key)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(StandardKey::field).toList();
    }
}
