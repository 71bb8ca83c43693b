package io.contacts.benchmarks.read;

import java.time.LocalDate;
import java.util.List;

/**
 * The read shapes measured, each on both sides. Request {@code i} takes the i-th value of a small rotation of search
 * terms and filter values, so neither side answers one query from a cache. Every request asks what the Chatwoot
 * dashboard asks: no contact_inboxes, the name sort.
 */
enum ReadShape {

    LIST_FIRST_PAGE("list page 1 by name + count") {
        @Override
        ReadQuery query(int i, int rows) {
            return list(1);
        }
    },
    LIST_PAGE_500("list page 500 by name + count") {
        @Override
        ReadQuery query(int i, int rows) {
            return list(500);
        }
    },
    /** The deep pages: past Elasticsearch's default result window of 10,000 (page 667 at 15 per page). */
    LIST_PAGE_1000("list page 1,000 by name + count") {
        @Override
        ReadQuery query(int i, int rows) {
            return list(1_000);
        }
    },
    LIST_PAGE_10000("list page 10,000 by name + count") {
        @Override
        ReadQuery query(int i, int rows) {
            return list(10_000);
        }
    },
    LIST_LAST_PAGE("list last page by name + count") {
        @Override
        ReadQuery query(int i, int rows) {
            return list(lastPage(rows));
        }
    },
    SEARCH_NAME("search name fragment, by name") {
        @Override
        ReadQuery query(int i, int rows) {
            return search(pick(NAME_FRAGMENTS, i), true);
        }
    },
    SEARCH_EMAIL("search email fragment, by name") {
        @Override
        ReadQuery query(int i, int rows) {
            return search(pick(EMAIL_FRAGMENTS, i), true);
        }
    },
    SEARCH_PHONE("search phone fragment, by name") {
        @Override
        ReadQuery query(int i, int rows) {
            return search(pick(PHONE_FRAGMENTS, i), true);
        }
    },
    FILTER_THREE_CONDITIONS("filter 3 conditions + count, by name") {
        @Override
        ReadQuery query(int i, int rows) {
            String plan = pick(PLANS, i);
            String city = pick(CITIES, i / PLANS.size());
            String body = "{\"payload\":["
                    + condition("plan", "equal_to", plan, "\"AND\"") + ","
                    + condition("city", "equal_to", city, "\"AND\"") + ","
                    + condition("signup_date", "is_greater_than", SIGNED_UP_AFTER.toString(), "null")
                    + "],\"page\":1,\"sort\":\"name\"}";
            return new ReadQuery("POST", "/contacts/filter?include_contact_inboxes=false", body,
                    ChatwootSql.filterByName(plan, city, SIGNED_UP_AFTER));
        }
    },
    /** No sort: Postgres stops at the 16th match of a term one contact in 16 carries. */
    SEARCH_NAME_UNSORTED("search name fragment, unsorted") {
        @Override
        ReadQuery query(int i, int rows) {
            return search(pick(NAME_FRAGMENTS, i), false);
        }
    };

    /** Last names of contacts-csv.py: each one is carried by about one contact in 16. */
    static final List<String> NAME_FRAGMENTS = List.of("lovelace", "turing", "hopper", "torvalds", "hamilton",
            "ritchie", "liskov", "thompson");
    /** "first.last" of the generated emails: about one contact in 256 each. */
    static final List<String> EMAIL_FRAGMENTS = List.of("ada.lovelace", "alan.turing", "grace.hopper",
            "linus.torvalds", "margaret.hamilton", "dennis.ritchie", "barbara.liskov", "ken.thompson");
    /** Four digits anywhere in "+1BBBNNNNNNN". */
    static final List<String> PHONE_FRAGMENTS = List.of("4242", "1234", "2718", "3141", "5772", "6180", "7071",
            "8086");
    static final List<String> PLANS = List.of("free", "starter", "pro", "enterprise");
    static final List<String> CITIES = List.of("Berlin", "Lisbon", "Athens", "Prague");
    static final LocalDate SIGNED_UP_AFTER = LocalDate.of(2022, 6, 30);

    private final String label;

    ReadShape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Request {@code i} of this shape on an account of {@code rows} contacts (every generated contact is listed). */
    abstract ReadQuery query(int i, int rows);

    /** The list shapes, which {@code run.sh read --deep} measures alone. */
    boolean list() {
        return name().startsWith("LIST_");
    }

    /** The last page of a list of {@code rows} contacts, {@link ChatwootSql#PER_PAGE} per page. */
    static int lastPage(int rows) {
        return Math.max(1, (rows + ChatwootSql.PER_PAGE - 1) / ChatwootSql.PER_PAGE);
    }

    /** Whether the Chatwoot dashboard sends this shape (the 10x target); the unsorted search it does not. */
    boolean dashboard() {
        return this != SEARCH_NAME_UNSORTED;
    }

    static ReadShape fromLabel(String label) {
        for (ReadShape shape : values()) {
            if (shape.label.equals(label)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("no read shape " + label);
    }

    static ReadQuery list(int page) {
        return new ReadQuery("GET", "/contacts?include_contact_inboxes=false&page=" + page + "&sort=name", null,
                ChatwootSql.listByName(page));
    }

    private static ReadQuery search(String q, boolean sortedByName) {
        return new ReadQuery("GET", "/contacts/search?include_contact_inboxes=false&q=" + q + "&page=1"
                + (sortedByName ? "&sort=name" : ""), null, List.of(ChatwootSql.search(q, sortedByName)));
    }

    private static String condition(String key, String operator, String value, String next) {
        return "{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator + "\",\"values\":[\"" + value
                + "\"],\"query_operator\":" + next + "}";
    }

    private static String pick(List<String> values, int i) {
        return values.get(Math.floorMod(i, values.size()));
    }
}
