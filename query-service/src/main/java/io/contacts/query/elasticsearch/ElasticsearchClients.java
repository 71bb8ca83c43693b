package io.contacts.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;

import java.util.EnumMap;
import java.util.Map;

/** One client per {@link ElasticsearchUse}, all on the one transport and connection pool. */
public final class ElasticsearchClients {

    private final Map<ElasticsearchUse, ElasticsearchClient> clients = new EnumMap<>(ElasticsearchUse.class);

    ElasticsearchClients(ElasticsearchTransport shared, ElasticsearchLimits limits) {
        for (ElasticsearchUse use : ElasticsearchUse.values()) {
            clients.put(use, new ElasticsearchClient(new LimitedTransport(shared, use, limits)));
        }
    }

    public ElasticsearchClient of(ElasticsearchUse use) {
        return clients.get(use);
    }
}
