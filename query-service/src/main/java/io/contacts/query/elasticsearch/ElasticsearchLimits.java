package io.contacts.query.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * The time limit of each use of Elasticsearch, and how many request threads may wait on it at once where requests
 * call it (a bulkhead: beyond that, a 503 at once instead of one more thread held).
 *
 * @param connectTimeout to open a connection, and to lease one from the pool
 * @param connections    the client's connection pool, above every bulkhead together
 */
@ConfigurationProperties("contacts.limits.elasticsearch")
public record ElasticsearchLimits(Duration connectTimeout, int connections, Map<ElasticsearchUse, Limit> uses) {

    /** @param concurrency null: no bulkhead (the use runs on its own threads, never on a request's) */
    public record Limit(Duration timeout, Integer concurrency) {
    }

    public Limit of(ElasticsearchUse use) {
        Limit limit = uses.get(use);
        if (limit == null || limit.timeout() == null) {
            throw new IllegalStateException("contacts.limits.elasticsearch.uses." + use.name().toLowerCase()
                    + ".timeout is not set");
        }
        return limit;
    }
}
