package io.contacts.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import io.contacts.query.projection.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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

    /**
     * How long a failed read waits before the next: while Elasticsearch is unreachable the searches fail anyway, so
     * one read a second spares each of them a mapping read (a timeout, when Elasticsearch hangs), yet a service
     * that has no answer yet leaves the wildcards within a second of Elasticsearch coming back, not a whole recheck
     * later. Never longer than the recheck itself.
     */
    static final Duration FAILED_READ_BACKOFF = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(IndexedGrams.class);

    private final Supplier<Optional<Boolean>> read;
    private final String alias;
    private final long recheckNanos;
    private final long backoffNanos;
    private final LongSupplier nanoTime;
    private volatile boolean complete;
    private volatile boolean checked;
    private volatile long nextReadAt;

    @Autowired
    IndexedGrams(ElasticsearchClient client, IndexProperties index,
                 @Value("${contacts.search.grams-recheck}") Duration recheck) {
        this(() -> marked(client, index.alias()), index.alias(), recheck, System::nanoTime);
    }

    /** @param read whether the index is marked, empty when Elasticsearch cannot say */
    IndexedGrams(Supplier<Optional<Boolean>> read, String alias, Duration recheck, LongSupplier nanoTime) {
        this.read = read;
        this.alias = alias;
        this.recheckNanos = recheck.toNanos();
        this.backoffNanos = Math.min(recheckNanos, FAILED_READ_BACKOFF.toNanos());
        this.nanoTime = nanoTime;
        this.nextReadAt = nanoTime.getAsLong();
    }

    /** The {@code _meta} entry that marks an index created with the gram fields. */
    public static Map<String, JsonData> marker() {
        return Map.of(MARKER, JsonData.of(true));
    }

    /** The last answer read; false (the wildcards, right on any index) until one is. */
    public boolean complete() {
        long now = nanoTime.getAsLong();
        if (now - nextReadAt >= 0) {
            read(now);
        }
        return complete;
    }

    /** An unreachable Elasticsearch keeps the last answer (and fails the search itself). */
    private void read(long now) {
        Optional<Boolean> marked = read.get();
        if (marked.isEmpty()) {
            nextReadAt = now + backoffNanos;
            return;
        }
        if (marked.get() != complete || !checked) {
            log.info("Substring search on {} uses {}", alias,
                    marked.get() ? "the grams" : "wildcards (no complete grams)");
        }
        complete = marked.get();
        checked = true;
        nextReadAt = now + recheckNanos;
    }

    /** No alias yet is no. */
    private static Optional<Boolean> marked(ElasticsearchClient client, String alias) {
        try {
            Map<String, IndexMappingRecord> indices = client.indices().getMapping(g -> g.index(alias)).result();
            return Optional.of(!indices.isEmpty() && indices.values().stream().allMatch(IndexedGrams::marked));
        } catch (ElasticsearchException e) {
            return e.status() == 404 ? Optional.of(false) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean marked(IndexMappingRecord record) {
        Map<String, JsonData> meta = record.mappings() == null ? null : record.mappings().meta();
        JsonData marker = meta == null ? null : meta.get(MARKER);
        return marker != null && Boolean.TRUE.equals(marker.to(Boolean.class));
    }
}
