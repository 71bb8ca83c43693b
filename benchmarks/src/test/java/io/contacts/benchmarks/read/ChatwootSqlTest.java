package io.contacts.benchmarks.read;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatwootSqlTest {

    private static final String ORDER_BY_NAME = "ORDER BY CASE WHEN \"contacts\".\"name\" ~~* '^+d*' THEN 'z'"
            + " WHEN \"contacts\".\"name\" ~~* E'^\\b*' THEN 'z' ELSE LOWER(\"contacts\".\"name\") END ASC";

    @Test
    void aListPageIsTheResolvedContactsSortedByNameThenTheirCount() {
        List<String> sql = ChatwootSql.listByName(500);
        assertThat(sql).containsExactly("SELECT \"contacts\".* FROM \"contacts\" WHERE \"contacts\".\"account_id\" = 1"
                        + " AND (contacts.email <> '' OR contacts.phone_number <> '' OR contacts.identifier <> '') "
                        + ORDER_BY_NAME + " LIMIT 15 OFFSET 7485",
                "SELECT COUNT(*) FROM \"contacts\" WHERE \"contacts\".\"account_id\" = 1"
                        + " AND (contacts.email <> '' OR contacts.phone_number <> '' OR contacts.identifier <> '')");
    }

    @Test
    void searchMatchesFourColumnsOverAllContactsAndFetchesSixteenRows() {
        assertThat(ChatwootSql.search(" lovelace ", true)).isEqualTo(
                "SELECT \"contacts\".* FROM \"contacts\" WHERE \"contacts\".\"account_id\" = 1 AND (name ILIKE"
                        + " '%lovelace%' OR email ILIKE '%lovelace%' OR phone_number ILIKE '%lovelace%' OR"
                        + " contacts.identifier LIKE '%lovelace%') " + ORDER_BY_NAME + " LIMIT 16 OFFSET 0");
    }

    @Test
    void anUnsortedSearchHasNoOrderBy() {
        assertThat(ChatwootSql.search("4242", false)).doesNotContain("ORDER BY").endsWith(" LIMIT 16 OFFSET 0");
    }

    @Test
    void theFilterLowersTextValuesAndCastsDates() {
        List<String> sql = ChatwootSql.filterByName("Pro", "Berlin", LocalDate.of(2022, 6, 30));
        String conditions = " AND ( LOWER(contacts.custom_attributes ->> 'plan') = 'pro'"
                + " AND LOWER(contacts.additional_attributes ->> 'city') = 'berlin'"
                + " AND (contacts.custom_attributes ->> 'signup_date')::date > '2022-06-30'::date )";
        assertThat(sql.get(0)).contains("contacts.identifier <> '')" + conditions + " " + ORDER_BY_NAME)
                .endsWith(" LIMIT 15 OFFSET 0");
        assertThat(sql.get(1)).startsWith("SELECT COUNT(*)").endsWith(conditions);
    }

    @Test
    void literalsDoubleTheirQuotes() {
        assertThat(ChatwootSql.literal("O'Hara")).isEqualTo("'O''Hara'");
    }
}
