package io.contacts.query.projection;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSegmentSort;
import co.elastic.clients.elasticsearch.indices.SegmentSortMissing;
import co.elastic.clients.elasticsearch.indices.SegmentSortOrder;
import io.contacts.query.elasticsearch.AliasedIndex;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.search.IndexedGrams;
import io.contacts.query.search.SearchGrams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/**
 * Creates the concrete contacts index with its mapping and points the alias at it, idempotently (several instances
 * may start at once). Tried at start-up and again before each projection batch until it succeeded, so the service
 * starts even while Elasticsearch is still coming up.
 */
@Component
public class ContactIndex {

    private static final Logger log = LoggerFactory.getLogger(ContactIndex.class);
    /** Built into the server module (no analysis-common needed); checked against the integ-test-zip distribution. */
    private static final String LOWERCASE = "lowercase";
    /** Likewise built in (checked too): splits the gram tokens at the spaces between them, nothing else. */
    private static final String WHITESPACE = "whitespace";
    /** Longer additional-attribute values are kept in _source but not indexed (Lucene's term limit). */
    private static final int SORT_COPY_IGNORE_ABOVE = 1024;

    private final AliasedIndex index;

    public ContactIndex(ElasticsearchClients clients, IndexProperties properties) {
        this.index = new AliasedIndex(clients.of(ElasticsearchUse.ADMIN), properties.alias(), properties.concreteIndex(),
                mapping(), segmentSort());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAtStartUp() {
        index.createAtStartUp(log, "Contacts");
    }

    public void ensureCreated() {
        index.ensureCreated();
    }

    /** The alias and its index management, for a rebuild. */
    AliasedIndex aliased() {
        return index;
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> withGrams(m).dynamic(DynamicMapping.Strict)
                .properties("id", Property.of(p -> p.long_(l -> l)))
                .properties("account_id", Property.of(p -> p.long_(l -> l)))
                .properties("name", lowercaseKeyword())
                .properties("email", lowercaseKeyword())
                .properties("phone_number", lowercaseKeyword())
                .properties("identifier", Property.of(p -> p.keyword(k -> k)))
                .properties("blocked", Property.of(p -> p.boolean_(b -> b)))
                .properties("resolved", Property.of(p -> p.boolean_(b -> b)))
                .properties("deleted", Property.of(p -> p.boolean_(b -> b)))
                .properties("custom_attributes", Property.of(p -> p.object(o -> o.enabled(false))))
                .properties("additional_attributes", Property.of(p -> p.object(o -> o.enabled(false))))
                .properties("company_name", sortCopy())
                .properties("city", sortCopy())
                .properties("country", sortCopy())
                // tag names match case-insensitively in Chatwoot
                .properties("labels", lowercaseKeyword())
                // rendered only, never queried
                .properties("contact_inboxes", Property.of(p -> p.object(o -> o.enabled(false))))
                // only rendered (thumbnail), never searched
                .properties("avatar_key", Property.of(p -> p.keyword(k -> k.index(false).docValues(false))))
                .properties("created_at", epochMillis())
                .properties("updated_at", epochMillis())
                .properties("last_activity_at", epochMillis())
                .properties("sequence", Property.of(p -> p.long_(l -> l)))
                .properties("country_code", sortCopy())
                .properties("company", sortCopy())
                // typed key/value pairs: one set of fields for every custom attribute key of every account
                .properties("custom_values", Property.of(p -> p.nested(n -> n
                        .properties("key", Property.of(k -> k.keyword(w -> w)))
                        .properties("text", sortCopy())
                        .properties("number", Property.of(k -> k.double_(d -> d)))
                        .properties("date", Property.of(k -> k.date(d -> d.format("strict_date"))))
                        .properties("bool", Property.of(k -> k.boolean_(b -> b)))))));
    }

    /**
     * The substring-search grams: searched only, so neither kept in _source nor scored. An index created with them
     * is marked complete; one that gains them by the mapping PUT is not (its older documents have none).
     */
    private static TypeMapping.Builder withGrams(TypeMapping.Builder mapping) {
        SearchGrams.fields().forEach(field -> mapping.properties(field, Property.of(p -> p.text(t -> t
                .analyzer(WHITESPACE).norms(false)))));
        return mapping.source(s -> s.excludes(SearchGrams.fields())).meta(IndexedGrams.marker());
    }

    /**
     * Each account's contacts in name order (as ContactSort's {@code name} sort leads with the account), so that
     * Lucene stops a sorted page once it has collected it instead of visiting every contact. Missing names last, as
     * that sort asks. Indices created before keep their order until a projection rebuild.
     */
    static IndexSegmentSort segmentSort() {
        return IndexSegmentSort.of(s -> s.field("account_id", "name", "id")
                .order(SegmentSortOrder.Asc, SegmentSortOrder.Asc, SegmentSortOrder.Asc)
                .missing(SegmentSortMissing.Last, SegmentSortMissing.Last, SegmentSortMissing.Last));
    }

    private static Property lowercaseKeyword() {
        return Property.of(p -> p.keyword(k -> k.normalizer(LOWERCASE)));
    }

    private static Property sortCopy() {
        return Property.of(p -> p.keyword(k -> k.normalizer(LOWERCASE).ignoreAbove(SORT_COPY_IGNORE_ABOVE)));
    }

    private static Property epochMillis() {
        return Property.of(p -> p.date(d -> d.format("epoch_millis")));
    }
}
