package io.contacts.query.presence;

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
 * The presence index: ephemeral state owned by the query side, next to the contacts index and named after its alias
 * ({@code <alias>-presence} behind {@code <alias>-presence-v1}). Created at start-up, idempotently, and again before
 * first use if Elasticsearch was not up yet.
 */
@Component
public class PresenceIndex {

    private static final Logger log = LoggerFactory.getLogger(PresenceIndex.class);

    private final AliasedIndex index;

    PresenceIndex(ElasticsearchClients clients, IndexProperties contacts) {
        String alias = contacts.alias() + "-presence";
        this.index = new AliasedIndex(clients.of(ElasticsearchUse.ADMIN), alias, alias + "-v1", mapping());
    }

    public String alias() {
        return index.alias();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAtStartUp() {
        index.createAtStartUp(log, "Presence");
    }

    void ensureCreated() {
        index.ensureAvailable();
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("account_id", Property.of(p -> p.long_(l -> l)))
                .properties("contact_id", Property.of(p -> p.long_(l -> l)))
                .properties("last_seen_at", Property.of(p -> p.date(d -> d.format("epoch_millis")))));
    }
}
