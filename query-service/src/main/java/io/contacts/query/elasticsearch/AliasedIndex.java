package io.contacts.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSegmentSort;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.contacts.query.web.ServiceUnavailableException;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A concrete index behind an alias, created with its mapping (0 replicas: one node) idempotently, since several
 * instances may start at once. An alias that already points to an index (a rebuild may have switched it to another
 * one) is used as it is. On an existing index the mapping is PUT again, so an index created by an older version gains
 * the fields added since (adding fields is all a mapping update may do). An index sort applies to indices created from
 * now on; an existing index keeps its order until a rebuild replaces it.
 */
public final class AliasedIndex {

    private static final String REFRESH = "1s";

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;
    private final TypeMapping mapping;
    /** How each segment orders its documents, or null; fixed when an index is created (a rebuild changes it). */
    private final IndexSegmentSort segmentSort;
    private volatile boolean ready;

    public AliasedIndex(ElasticsearchClient client, String alias, String index, TypeMapping mapping) {
        this(client, alias, index, mapping, null);
    }

    public AliasedIndex(ElasticsearchClient client, String alias, String index, TypeMapping mapping,
                        IndexSegmentSort segmentSort) {
        this.client = client;
        this.alias = alias;
        this.index = index;
        this.mapping = mapping;
        this.segmentSort = segmentSort;
    }

    public String alias() {
        return alias;
    }

    public String index() {
        return index;
    }

    /**
     * At start-up: creates what is missing if Elasticsearch answers, else logs that it will be tried again before the
     * index is used, so that a service starts while Elasticsearch is still coming up.
     */
    public void createAtStartUp(Logger log, String name) {
        try {
            ensureCreated();
            log.info("{} index {} behind alias {} is ready", name, index, alias);
        } catch (RuntimeException e) {
            log.warn("{} index not created yet (tried again before its first use): {}", name, e.getMessage());
        }
    }

    /** {@link #ensureCreated()} for a request: Elasticsearch unable to do it is a 503. */
    public void ensureAvailable() {
        try {
            ensureCreated();
        } catch (UncheckedIOException | ElasticsearchException e) {
            throw new ServiceUnavailableException("Elasticsearch cannot create the index " + index + ": "
                    + e.getMessage(), e);
        }
    }

    /** Creates what is missing; cheap once it succeeded. */
    public void ensureCreated() {
        if (ready) {
            return;
        }
        try {
            String behind = behindAlias();
            if (behind != null) {
                putMapping(behind);
            } else if (!client.indices().exists(e -> e.index(index)).value()) {
                create();
            } else {
                putMapping(index);
                client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
        ready = true;
    }

    /** The concrete index the alias points to now, or null when there is no such alias. */
    public String behindAlias() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            return null;
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().stream().findFirst().orElse(null);
    }

    /** A new concrete index with this mapping and no alias yet, refreshed only when asked (a bulk load). */
    public void createUnaliased(String name) throws IOException {
        client.indices().create(c -> c.index(name)
                .settings(s -> sorted(s.numberOfReplicas("0").refreshInterval(t -> t.time("-1"))))
                .mappings(mapping));
    }

    /** Makes a bulk-loaded index refresh on its own again, as {@link #create()} sets it, and refreshes it now. */
    public void finishLoading(String name) throws IOException {
        client.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(t -> t.time(REFRESH))));
        client.indices().refresh(r -> r.index(name));
    }

    /** Points the alias from one index to another in one atomic call; the new one is the write index. */
    public void switchAlias(String from, String to) throws IOException {
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(d -> d.index(to).alias(alias).isWriteIndex(true))));
    }

    public void deleteIndex(String name) throws IOException {
        client.indices().delete(d -> d.index(name));
    }

    private void putMapping(String concrete) throws IOException {
        client.indices().putMapping(m -> m.index(concrete).dynamic(DynamicMapping.Strict)
                .properties(mapping.properties()));
    }

    private IndexSettings.Builder sorted(IndexSettings.Builder settings) {
        return segmentSort == null ? settings : settings.sort(segmentSort);
    }

    private void create() throws IOException {
        try {
            client.indices().create(c -> c.index(index)
                    .settings(s -> sorted(s.numberOfReplicas("0")
                            // writers that need visibility refresh themselves; this only bounds staleness
                            .refreshInterval(t -> t.time(REFRESH))))
                    .mappings(mapping)
                    .aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
