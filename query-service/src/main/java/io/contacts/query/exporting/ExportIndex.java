package io.contacts.query.exporting;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.contacts.query.elasticsearch.AliasedIndex;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.projection.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/**
 * The export jobs: state owned by the query side, next to the contacts index and named after its alias
 * ({@code <alias>-exports} behind {@code <alias>-exports-v1}). Created at start-up, idempotently, and again before
 * first use if Elasticsearch was not up yet.
 */
@Component
class ExportIndex {

    private static final Logger log = LoggerFactory.getLogger(ExportIndex.class);

    private final AliasedIndex index;

    ExportIndex(ElasticsearchClients clients, IndexProperties contacts) {
        String alias = contacts.alias() + "-exports";
        this.index = new AliasedIndex(clients.of(ElasticsearchUse.ADMIN), alias, alias + "-v1", mapping());
    }

    String alias() {
        return index.alias();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAtStartUp() {
        index.createAtStartUp(log, "Export");
    }

    void ensureCreated() {
        index.ensureAvailable();
    }

    static TypeMapping mapping() {
        Property number = Property.of(p -> p.long_(l -> l));
        Property time = Property.of(p -> p.date(d -> d.format("epoch_millis")));
        // kept for rendering only: no index, no doc values, so no length limit either
        Property stored = Property.of(p -> p.keyword(k -> k.index(false).docValues(false)));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("id", number)
                .properties("account_id", number)
                .properties("user_id", number)
                .properties("user_email", stored)
                .properties("status", Property.of(p -> p.keyword(k -> k)))
                .properties("column_names", stored)
                .properties("payload", stored)
                .properties("label", stored)
                .properties("total_records", number)
                .properties("exported_records", number)
                .properties("error", stored)
                .properties("created_at", time)
                .properties("started_at", time)
                .properties("completed_at", time)
                .properties("lease_until", time)
                .properties("idempotency_key", stored)
                .properties("request_fingerprint", stored));
    }
}
