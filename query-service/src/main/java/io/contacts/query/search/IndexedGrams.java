package io.contacts.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import io.contacts.query.projection.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Whether every document of the index behind the contacts alias has its {@link SearchGrams}: only an index created
 * with the gram fields from the start says so in its mapping's {@code _meta} ({@link #MARKER}); one that gained them
 * by a mapping update still holds documents without grams until a rebuild replaces it. Read from Elasticsearch at
 * most once per {@code contacts.search.grams-recheck}, so a rebuild's alias switch is noticed within that time.
 */
@Component
public class IndexedGrams {

    /** The {@code _meta} key of an index whose documents were all written with grams. */
    public static final String MARKER = "search_grams";

    private static final Logger log = LoggerFactory.getLogger(IndexedGrams.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final long recheckNanos;
    private volatile boolean complete;
    private volatile long checkedAt;
    private volatile boolean checked;

    IndexedGrams(ElasticsearchClient client, IndexProperties index,
                 @Value("${contacts.search.grams-recheck}") Duration recheck) {
        this.client = client;
        this.alias = index.alias();
        this.recheckNanos = recheck.toNanos();
    }

    /** The {@code _meta} entry that marks an index created with the gram fields. */
    public static Map<String, JsonData> marker() {
        return Map.of(MARKER, JsonData.of(true));
    }

    public boolean complete() {
        long now = System.nanoTime();
        if (!checked || now - checkedAt >= recheckNanos) {
            read(now);
        }
        return complete;
    }

    /** An unreachable Elasticsearch keeps the last answer (and fails the search itself); no alias yet is no. */
    private void read(long now) {
        boolean marked;
        try {
            Map<String, IndexMappingRecord> indices = client.indices().getMapping(g -> g.index(alias)).result();
            marked = !indices.isEmpty() && indices.values().stream().allMatch(IndexedGrams::marked);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                return;
            }
            marked = false;
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (marked != complete || !checked) {
            log.info("Substring search on {} uses {}", alias, marked ? "the grams" : "wildcards (no complete grams)");
        }
        complete = marked;
        checkedAt = now;
        checked = true;
    }

    private static boolean marked(IndexMappingRecord record) {
        Map<String, JsonData> meta = record.mappings() == null ? null : record.mappings().meta();
        JsonData marker = meta == null ? null : meta.get(MARKER);
        return marker != null && Boolean.TRUE.equals(marker.to(Boolean.class));
    }
}
