package io.contacts.benchmarks.read;

import java.time.LocalDate;
import java.util.List;

/**
 * The SQL Chatwoot 4.10 sends for each dashboard request (chatwoot-reference.md sections 3, 5, 6), with its values
 * written into the text as Rails' {@code where(sql, values)} and the filter service do. All rows of the benchmark's
 * database belong to one account.
 */
final class ChatwootSql {

    static final int ACCOUNT_ID = 1;
    static final int PER_PAGE = 15;
    private static final String FROM_ACCOUNT = "SELECT \"contacts\".* FROM \"contacts\" WHERE \"contacts\".\"account_id\" = "
            + ACCOUNT_ID;
    private static final String COUNT_ACCOUNT = "SELECT COUNT(*) FROM \"contacts\" WHERE \"contacts\".\"account_id\" = "
            + ACCOUNT_ID;
    /** Contact.resolved_contacts with crm_v2 off: an email, a phone number or an identifier. */
    private static final String RESOLVED =
            " AND (contacts.email <> '' OR contacts.phone_number <> '' OR contacts.identifier <> '')";
    /**
     * Contact.order_on_name as Ruby hands it over: "\d" loses its backslash and "\b" becomes a backspace, so both
     * patterns never match and the order is LOWER(name).
     */
    private static final String ORDER_BY_NAME = " ORDER BY CASE WHEN \"contacts\".\"name\" ~~* '^+d*' THEN 'z'"
            + " WHEN \"contacts\".\"name\" ~~* E'^\\b*' THEN 'z' ELSE LOWER(\"contacts\".\"name\") END ASC";

    private ChatwootSql() {
    }

    /** GET /contacts?sort=name&page=P: the page, then Kaminari's total_count (the same WHERE, no ORDER BY). */
    static List<String> listByName(int page) {
        return List.of(FROM_ACCOUNT + RESOLVED + ORDER_BY_NAME + page(page, PER_PAGE), COUNT_ACCOUNT + RESOLVED);
    }

    /** GET /contacts/search?q=Q: every contact of the account, 16 rows fetched to know has_more, no count. */
    static String search(String q, boolean sortedByName) {
        String pattern = literal("%" + q.strip() + "%");
        return FROM_ACCOUNT + " AND (name ILIKE " + pattern + " OR email ILIKE " + pattern + " OR phone_number ILIKE "
                + pattern + " OR contacts.identifier LIKE " + pattern + ")" + (sortedByName ? ORDER_BY_NAME : "")
                + page(1, PER_PAGE + 1);
    }

    /**
     * POST /contacts/filter with {@code plan equal_to [plan] AND city equal_to [city] AND signup_date
     * is_greater_than [after]} (plan a list attribute, signup_date a date attribute): the page and the count.
     */
    static List<String> filterByName(String plan, String city, LocalDate after) {
        String conditions = " AND ( LOWER(contacts.custom_attributes ->> 'plan') = " + literal(plan.toLowerCase())
                + " AND LOWER(contacts.additional_attributes ->> 'city') = " + literal(city.toLowerCase())
                + " AND (contacts.custom_attributes ->> 'signup_date')::date > " + literal(after.toString()) + "::date )";
        return List.of(FROM_ACCOUNT + RESOLVED + conditions + ORDER_BY_NAME + page(1, PER_PAGE),
                COUNT_ACCOUNT + RESOLVED + conditions);
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String page(int page, int limit) {
        return " LIMIT " + limit + " OFFSET " + (page - 1) * PER_PAGE;
    }
}
