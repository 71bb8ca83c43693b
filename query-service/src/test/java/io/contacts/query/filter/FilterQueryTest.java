package io.contacts.query.filter;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2024, 5, 10);
    private static final Map<String, CustomType> TYPES = Map.of("plan", CustomType.TEXT, "seats", CustomType.NUMBER,
            "signed_in_at", CustomType.DATE, "vip", CustomType.BOOLEAN);

    private static String query(String payload) {
        try {
            return json(FilterQuery.of(Condition.listOf(JSON.readTree(payload)), TYPES, TODAY).orElseThrow());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String onGrams(String key, String operator, String values) {
        try {
            return json(FilterQuery.of(Condition.listOf(JSON.readTree("[{\"attribute_key\":\"" + key
                    + "\",\"filter_operator\":\"" + operator + "\",\"values\":" + values + "}]")), TYPES, TODAY,
                    true).orElseThrow());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query as Elasticsearch receives it, compact. */
    private static String json(Query query) throws com.fasterxml.jackson.core.JsonProcessingException {
        StringWriter out = new StringWriter();
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        try (var generator = mapper.jsonProvider().createGenerator(out)) {
            query.serialize(generator, mapper);
        }
        return JSON.readTree(out.toString()).toString();
    }

    private static String one(String key, String operator, String values) {
        return query("[{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator + "\",\"values\":"
                + values + "}]");
    }

    private static String error(String payload) {
        try {
            FilterQuery.of(Condition.listOf(JSON.readTree(payload)), TYPES, TODAY);
        } catch (InvalidFilterException e) {
            return e.getMessage();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no error for " + payload);
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Nested
    class StandardText {

        @Test
        void equalToMatchesAnyValueIgnoringCase() {
            String q = one("name", "equal_to", "[\"Ann\",\"Bea\"]");
            assertThat(q).contains("{\"term\":{\"name\":{\"value\":\"Ann\",\"case_insensitive\":true}}}")
                    .contains("{\"term\":{\"name\":{\"value\":\"Bea\",\"case_insensitive\":true}}}")
                    .contains("\"minimum_should_match\":\"1\"");
        }

        @Test
        void notEqualToExcludesContactsWithoutTheField() {
            String q = one("email", "not_equal_to", "[\"a@b.c\"]");
            assertThat(q).contains("{\"exists\":{\"field\":\"email\"}}").contains("\"must_not\":[{\"term\":{\"email\"");
        }

        @Test
        void containsAnyValueStrippedAndLowerCased() {
            String q = one("city", "contains", "[\" BER \",\"*x\"]");
            assertThat(q).contains("{\"wildcard\":{\"city\":{\"case_insensitive\":true,\"value\":\"*ber*\"}}}")
                    .contains("\"value\":\"*\\\\*x*\"");
        }

        @Test
        void containsToleratesAPlainString() {
            assertThat(one("company", "contains", "\"Acme\"")).contains("{\"wildcard\":{\"company\":{\"case_insensitive\":true,\"value\":\"*acme*\"");
        }

        @Test
        void doesNotContainNoneOfTheValuesAndNotNull() {
            String q = one("name", "does_not_contain", "[\"x\"]");
            assertThat(q).contains("{\"exists\":{\"field\":\"name\"}}")
                    .contains("\"must_not\":[{\"wildcard\":{\"name\":{\"case_insensitive\":true,\"value\":\"*x*\"");
        }

        @Test
        void countryCodeReadsTheFilterCopyIgnoringCase() {
            assertThat(one("country_code", "equal_to", "[\"GR\"]"))
                    .isEqualTo("{\"term\":{\"country_code\":{\"value\":\"GR\",\"case_insensitive\":true}}}");
        }

        @Test
        void identifierOnlyEqualities() {
            assertThat(error("[{\"attribute_key\":\"identifier\",\"filter_operator\":\"contains\",\"values\":[\"x\"]}]"))
                    .isEqualTo("Invalid operator. The allowed operators for identifier are [equal_to,not_equal_to].");
        }
    }

    /** On an index whose documents all have their search grams. */
    @Nested
    class OnGrams {

        @Test
        void containsLooksUpTheLowerCasedTextInTheGrams() {
            String q = onGrams("name", "contains", "[\" ANN \",\"x\"]");
            assertThat(q).contains("{\"match_phrase\":{\"name_grams\":{\"query\":\"616e6e\"}}}")
                    .contains("{\"prefix\":{\"name_grams\":{\"value\":\"78\"}}}")
                    .contains("\"minimum_should_match\":\"1\"").doesNotContain("wildcard");
        }

        @Test
        void doesNotContainStillExcludesContactsWithoutTheField() {
            assertThat(onGrams("email", "does_not_contain", "[\"a@b\"]"))
                    .contains("{\"exists\":{\"field\":\"email\"}}")
                    .contains("\"must_not\":[{\"match_phrase\":{\"email_grams\":{\"query\":\"614062\"}}}]");
        }

        @Test
        void phoneContainsIsAPlainSubstringToo() {
            assertThat(onGrams("phone_number", "contains", "[\"123\"]"))
                    .isEqualTo("{\"match_phrase\":{\"phone_number_grams\":{\"query\":\"313233\"}}}");
        }

        @Test
        void fieldsWithoutGramsKeepTheWildcard() {
            assertThat(onGrams("city", "contains", "[\"BER\"]"))
                    .contains("{\"wildcard\":{\"city\":{\"case_insensitive\":true,\"value\":\"*ber*\"}}}");
            assertThat(onGrams("plan", "contains", "[\"OL\"]")).contains("\"value\":\"*ol*\"");
        }

        @Test
        void textsLongerThanAnyValueMatchNothing() {
            assertThat(onGrams("name", "contains", "[\"" + "a".repeat(256) + "\"]")).isEqualTo("{\"match_none\":{}}");
        }
    }

    @Nested
    class Phone {

        @Test
        void equalToNormalisesThePlus() {
            assertThat(one("phone_number", "equal_to", "[\"4912+3\"]")).contains("\"value\":\"+49123\"");
        }

        @Test
        void notEqualToNormalisesToo() {
            assertThat(one("phone_number", "not_equal_to", "[\"+4912\"]")).contains("\"must_not\"")
                    .contains("\"value\":\"+4912\"");
        }

        @Test
        void startsWithIsARealPrefix() {
            assertThat(one("phone_number", "starts_with", "[\"49\"]"))
                    .isEqualTo("{\"prefix\":{\"phone_number\":{\"value\":\"+49\",\"case_insensitive\":true}}}");
        }

        @Test
        void containsIsAPlainSubstring() {
            assertThat(one("phone_number", "contains", "[\"123\"]")).contains("\"value\":\"*123*\"");
        }
    }

    @Nested
    class Labels {

        @Test
        void equalToHasAnyOfThem() {
            assertThat(one("labels", "equal_to", "[\"support\"]"))
                    .isEqualTo("{\"term\":{\"labels\":{\"value\":\"support\",\"case_insensitive\":true}}}");
        }

        @Test
        void notEqualToIncludesUnlabelled() {
            assertThat(one("labels", "not_equal_to", "[\"support\"]"))
                    .isEqualTo("{\"bool\":{\"must_not\":[{\"term\":{\"labels\":{\"value\":\"support\","
                            + "\"case_insensitive\":true}}}]}}");
        }

        @Test
        void presenceNeedsNoValues() {
            assertThat(one("labels", "is_present", "[]")).isEqualTo("{\"exists\":{\"field\":\"labels\"}}");
            assertThat(query("[{\"attribute_key\":\"labels\",\"filter_operator\":\"is_not_present\"}]"))
                    .isEqualTo("{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"labels\"}}]}}");
        }
    }

    @Nested
    class Dates {

        @Test
        void greaterThanIsFromTheNextDay() {
            assertThat(one("created_at", "is_greater_than", "[\"2024-01-31\"]"))
                    .contains("\"gte\":\"" + millis(LocalDate.of(2024, 2, 1)) + "\"");
        }

        @Test
        void lessThanIsBeforeTheDay() {
            assertThat(one("last_activity_at", "is_less_than", "[\"2024-01-31T23:00:00-02:00\"]"))
                    .contains("\"lt\":\"" + millis(LocalDate.of(2024, 2, 1)) + "\"");
        }

        @Test
        void daysBeforeIsStrictlyBeforeTodayMinusN() {
            assertThat(one("created_at", "days_before", "[3]")).contains("\"lt\":\"" + millis(TODAY.minusDays(3)) + "\"");
            assertThat(one("created_at", "days_before", "[\"3\"]")).contains("\"lt\":\"" + millis(TODAY.minusDays(3)) + "\"");
        }

        @Test
        void malformedDatesAndDaysAreInvalidValues() {
            assertThat(error("[{\"attribute_key\":\"created_at\",\"filter_operator\":\"is_less_than\",\"values\":[\"soon\"]}]"))
                    .isEqualTo("Invalid value. The values provided for created_at are invalid");
            assertThat(error("[{\"attribute_key\":\"created_at\",\"filter_operator\":\"days_before\",\"values\":[\"x\"]}]"))
                    .isEqualTo("Invalid value. The values provided for created_at are invalid");
        }

        @Test
        void equalityIsNotADateOperator() {
            assertThat(error("[{\"attribute_key\":\"created_at\",\"filter_operator\":\"equal_to\",\"values\":[\"2024-01-01\"]}]"))
                    .isEqualTo("Invalid operator. The allowed operators for created_at are "
                            + "[is_greater_than,is_less_than,days_before].");
        }
    }

    @Nested
    class Blocked {

        @Test
        void equalToAcceptsBooleansAndTheirStrings() {
            assertThat(one("blocked", "equal_to", "[\"true\"]")).isEqualTo("{\"term\":{\"blocked\":{\"value\":true}}}");
            assertThat(one("blocked", "equal_to", "[false]")).isEqualTo("{\"term\":{\"blocked\":{\"value\":false}}}");
        }

        @Test
        void notEqualTo() {
            assertThat(one("blocked", "not_equal_to", "[true]"))
                    .isEqualTo("{\"bool\":{\"must_not\":[{\"term\":{\"blocked\":{\"value\":true}}}]}}");
        }

        @Test
        void anythingElseIsInvalid() {
            assertThat(error("[{\"attribute_key\":\"blocked\",\"filter_operator\":\"equal_to\",\"values\":[\"yes\"]}]"))
                    .isEqualTo("Invalid value. The values provided for blocked are invalid");
        }
    }

    @Nested
    class Custom {

        @Test
        void textEqualToInTheTextColumnOfTheKeysPair() {
            assertThat(one("plan", "equal_to", "[\"Gold\"]")).isEqualTo("{\"nested\":{\"path\":\"custom_values\","
                    + "\"query\":{\"bool\":{\"filter\":[{\"term\":{\"custom_values.key\":{\"value\":\"plan\"}}},"
                    + "{\"term\":{\"custom_values.text\":{\"value\":\"Gold\",\"case_insensitive\":true}}}]}}}}");
        }

        @Test
        void textNotEqualToAlsoMatchesContactsWithoutTheKey() {
            assertThat(one("plan", "not_equal_to", "[\"gold\"]")).startsWith("{\"bool\":{\"must_not\":[{\"nested\"");
        }

        @Test
        void textContainsAndDoesNotContain() {
            assertThat(one("plan", "contains", "[\"OL\"]")).contains("\"custom_values.text\":{\"case_insensitive\":true,\"value\":\"*ol*\"");
            assertThat(one("plan", "does_not_contain", "[\"ol\"]")).contains("{\"exists\":{\"field\":\"custom_values.text\"}}")
                    .contains("\"must_not\"");
        }

        @Test
        void textStartsWith() {
            assertThat(one("plan", "starts_with", "[\"Go\"]")).contains("{\"prefix\":{\"custom_values.text\":{\"value\":\"go\"");
        }

        @Test
        void presence() {
            assertThat(one("plan", "is_present", "[]")).isEqualTo("{\"nested\":{\"path\":\"custom_values\",\"query\":"
                    + "{\"term\":{\"custom_values.key\":{\"value\":\"plan\"}}}}}");
            assertThat(one("plan", "is_not_present", "[]")).startsWith("{\"bool\":{\"must_not\":[{\"nested\"");
        }

        @Test
        void numberComparesAsNumbers() {
            assertThat(one("seats", "equal_to", "[\"10\"]")).contains("{\"term\":{\"custom_values.number\":{\"value\":10.0}}}");
            assertThat(one("seats", "is_greater_than", "[\"9.5\"]")).contains("\"custom_values.number\":{\"gt\":9.5}");
            assertThat(one("seats", "is_less_than", "[2]")).contains("\"custom_values.number\":{\"lt\":2.0}");
            assertThat(error("[{\"attribute_key\":\"seats\",\"filter_operator\":\"is_less_than\",\"values\":[\"many\"]}]"))
                    .isEqualTo("Invalid value. The values provided for seats are invalid");
        }

        @Test
        void dateComparesAsDays() {
            assertThat(one("signed_in_at", "is_less_than", "[\"2022-01-20\"]"))
                    .contains("\"custom_values.date\":{\"lt\":\"2022-01-20\",\"format\":\"strict_date\"}");
            assertThat(one("signed_in_at", "is_greater_than", "[\"2022-01-20\"]"))
                    .contains("\"custom_values.date\":{\"gte\":\"2022-01-21\",\"format\":\"strict_date\"}");
            assertThat(one("signed_in_at", "equal_to", "[\"2022-01-20\"]"))
                    .contains("{\"gte\":\"2022-01-20\",\"lte\":\"2022-01-20\",\"format\":\"strict_date\"}");
            assertThat(one("signed_in_at", "days_before", "[10]")).contains("\"lt\":\"2024-04-30\"");
        }

        @Test
        void checkboxComparesAsBoolean() {
            assertThat(one("vip", "equal_to", "[\"true\"]")).contains("{\"term\":{\"custom_values.bool\":{\"value\":true}}}");
            assertThat(one("vip", "not_equal_to", "[false]")).startsWith("{\"bool\":{\"must_not\"")
                    .contains("\"custom_values.bool\":{\"value\":false}");
        }

        @Test
        void anUnknownOperatorComparesForEquality() {
            assertThat(one("plan", "eq", "[\"gold\"]")).isEqualTo(one("plan", "equal_to", "[\"gold\"]"));
        }

        @Test
        void anUndefinedKeyIsAnInvalidAttribute() {
            assertThat(error("[{\"attribute_key\":\"tier\",\"filter_operator\":\"equal_to\",\"values\":[\"x\"]}]"))
                    .isEqualTo("Invalid attribute key - [tier]. The key should be one of [name,phone_number,email,"
                            + "identifier,country_code,city,company,labels,created_at,last_activity_at,blocked] or a "
                            + "custom attribute defined in the account.");
        }
    }

    @Nested
    class Chaining {

        private static final String A = "{\"attribute_key\":\"name\",\"filter_operator\":\"equal_to\",\"values\":[\"a\"],";
        private static final String B = "{\"attribute_key\":\"name\",\"filter_operator\":\"equal_to\",\"values\":[\"b\"],";
        private static final String C = "{\"attribute_key\":\"name\",\"filter_operator\":\"equal_to\",\"values\":[\"c\"],";

        @Test
        void andBindsTighterThanOr() throws Exception {
            JsonNode q = JSON.readTree(query("[" + A + "\"query_operator\":\"or\"}," + B + "\"query_operator\":\"AND\"},"
                    + C + "\"query_operator\":null}]"));
            JsonNode should = q.path("bool").path("should");
            assertThat(should).hasSize(2);
            assertThat(should.get(0).path("term").path("name").path("value").asText()).isEqualTo("a");
            assertThat(should.get(1).path("bool").path("filter")).hasSize(2);
        }

        @Test
        void aTrailingQueryOperatorIsIgnored() {
            assertThat(query("[" + A + "\"query_operator\":\"AND\"}]")).isEqualTo(query("[" + A + "\"query_operator\":null}]"));
        }

        @Test
        void queryOperatorsAreCheckedFirst() {
            assertThat(error("[{\"attribute_key\":\"nope\",\"filter_operator\":\"x\",\"values\":[]}," + A
                    + "\"query_operator\":\"XOR\"}]")).isEqualTo("Query operator must be either \"AND\" or \"OR\".");
            assertThat(error("[" + A + "\"query_operator\":null}," + B + "\"query_operator\":null}]"))
                    .isEqualTo("Query operator must be either \"AND\" or \"OR\".");
        }

        @Test
        void operatorBeforeValueBeforeAttribute() {
            assertThat(error("[{\"attribute_key\":\"country_code\",\"filter_operator\":\"eq\",\"values\":[]}]"))
                    .startsWith("Invalid operator.");
            assertThat(error("[{\"attribute_key\":\"tier\",\"filter_operator\":\"equal_to\",\"values\":[]}]"))
                    .isEqualTo("Invalid value. The values provided for tier are invalid");
            assertThat(error("[{\"attribute_key\":\"name\",\"filter_operator\":\"equal_to\",\"values\":[null]}]"))
                    .startsWith("Invalid value.");
        }

        @Test
        void payloadMustBeAnArray() {
            assertThatThrownBy(() -> Condition.listOf(null)).isInstanceOf(InvalidFilterException.class)
                    .hasMessageStartingWith("Specify the filter conditions in payload");
            assertThat(FilterQuery.of(List.of(), TYPES, TODAY)).isEmpty();
        }
    }
}
