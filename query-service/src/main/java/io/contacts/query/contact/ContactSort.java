package io.contacts.query.contact;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sort} parameter (chatwoot-reference.md section 6, as fixed in CONTACTS-API.md): comma-separated keys,
 * {@code -} for descending, applied in request order, unknown keys ignored, {@code -created_at} when no key is
 * valid, and always {@code id} last so that equal values never swap between pages.
 */
public record ContactSort(List<Key> keys) {

    private static final String DEFAULT = "-created_at";
    private static final String TIE_BREAKER = "id";
    private static final String ACCOUNT = "account_id";

    /**
     * @param field the document field
     * @param nullsLikeSql true where Chatwoot uses PostgreSQL's default null placement (last ascending, first
     *                     descending); otherwise nulls are always last
     */
    public record Key(String field, boolean descending, boolean nullsLikeSql) {

        String missing() {
            return nullsLikeSql && descending ? "_first" : "_last";
        }
    }

    private record Field(String name, boolean nullsLikeSql) {
    }

    private static final Map<String, Field> FIELDS = Map.of(
            "email", new Field("email", true),
            "name", new Field("name", true),
            "phone_number", new Field("phone_number", true),
            "last_activity_at", new Field("last_activity_at", false),
            "created_at", new Field("created_at", false),
            "company", new Field("company_name", false),
            "company_name", new Field("company_name", false),
            "city", new Field("city", false),
            "country", new Field("country", false));

    /** The sort the contacts index is stored in, after the account and before the tie-breaker. */
    private static final List<Key> INDEX_ORDER = List.of(new Key("name", false, true));

    public static ContactSort parse(String sort) {
        List<Key> keys = keys(sort);
        return new ContactSort(keys.isEmpty() ? keys(DEFAULT) : keys);
    }

    /** One field of the full sort, as Elasticsearch applies it. */
    public record SortField(String field, boolean descending, boolean missingFirst) {
    }

    /** Every field the search sorts by, in order: the keys (led by the account where that is the index order), id. */
    public List<SortField> fields() {
        List<SortField> fields = new ArrayList<>();
        if (keys.equals(INDEX_ORDER)) {
            // one value for every hit of the account, so the order is the same; it makes the sort the index's own
            // (ContactIndex.segmentSort), which lets Lucene stop once the page is collected
            fields.add(new SortField(ACCOUNT, false, false));
        }
        for (Key key : keys) {
            fields.add(new SortField(key.field(), key.descending(), key.missing().equals("_first")));
        }
        fields.add(new SortField(TIE_BREAKER, false, false));
        return fields;
    }

    public List<SortOptions> toSortOptions() {
        return fields().stream().map(field -> SortOptions.of(s -> s.field(f -> {
            f.field(field.field()).order(field.descending() ? SortOrder.Desc : SortOrder.Asc);
            return field.field().equals(ACCOUNT) || field.field().equals(TIE_BREAKER) ? f
                    : f.missing(field.missingFirst() ? "_first" : "_last");
        }))).toList();
    }

    private static List<Key> keys(String sort) {
        // a field named twice keeps its first place and direction, as a repeated ORDER BY term would
        Map<String, Key> keys = new LinkedHashMap<>();
        if (sort != null) {
            for (String token : sort.split(",")) {
                String name = token.strip();
                boolean descending = name.startsWith("-");
                Field field = FIELDS.get(descending ? name.substring(1) : name);
                if (field != null) {
                    keys.putIfAbsent(field.name(), new Key(field.name(), descending, field.nullsLikeSql()));
                }
            }
        }
        return List.copyOf(keys.values());
    }
}
