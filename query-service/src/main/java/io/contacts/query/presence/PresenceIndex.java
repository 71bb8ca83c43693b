package io.contacts.query.presence;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.contacts.query.projection.IndexProperties;
import io.contacts.query.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The presence index: ephemeral state owned by the query side, next to the contacts index and named after its alias
 * ({@code <alias>-presence} behind {@code <alias>-presence-v1}). Created at start-up, idempotently, and again before
 * first use if Elasticsearch was not up yet.
 */
@Component
public class PresenceIndex {

    private static final Logger log = LoggerFactory.getLogger(PresenceIndex.class);

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean ready;

    PresenceIndex(ElasticsearchClient client, IndexProperties contacts) {
        this.client = client;
        this.alias = contacts.alias() + "-presence";
    }

    public String alias() {
        return alias;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAtStartUp() {
        try {
            ensureCreated();
        } catch (RuntimeException e) {
            log.warn("Presence index not created yet (retried on first use): {}", e.getMessage());
        }
    }

    void ensureCreated() {
        if (ready) {
            return;
        }
        String index = alias + "-v1";
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                create(index);
            }
            if (!client.indices().existsAlias(e -> e.name(alias).index(index)).value()) {
                client.indices().putAlias(a -> a.index(index).name(alias));
            }
        } catch (IOException | ElasticsearchException e) {
            throw new ServiceUnavailableException("Elasticsearch cannot create the presence index: "
                    + e.getMessage(), e);
        }
        ready = true;
        log.info("Presence index {} behind alias {} is ready", index, alias);
    }

    private void create(String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.numberOfReplicas("0").refreshInterval(t -> t.time("1s")))
                    .mappings(mapping())
                    .aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("account_id", Property.of(p -> p.long_(l -> l)))
                .properties("contact_id", Property.of(p -> p.long_(l -> l)))
                .properties("last_seen_at", Property.of(p -> p.date(d -> d.format("epoch_millis")))));
    }
}
