package io.contacts.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes the projection's documents: realtime multi-get, versioned bulk index, refresh. */
@Component
class ProjectionStore {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStore.class);
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final int TOO_MANY_REQUESTS = 429;
    /** Transient refusals: {@link #write} throws these for Elasticsearch unreachable or overloaded. */
    private static final RetryTemplate REBUILD_RETRY = RetryTemplate.builder()
            .retryOn(List.of(IllegalStateException.class, UncheckedIOException.class))
            .exponentialBackoff(500, 2.0, 10_000)
            .withinMillis(120_000)
            .build();

    private final ElasticsearchClient projection;
    private final ElasticsearchClient refreshes;
    private final ElasticsearchClient rebuilds;
    private final IndexProperties index;

    ProjectionStore(ElasticsearchClients clients, IndexProperties index) {
        this.projection = clients.of(ElasticsearchUse.PROJECTION);
        this.refreshes = clients.of(ElasticsearchUse.REFRESH);
        this.rebuilds = clients.of(ElasticsearchUse.REBUILD);
        this.index = index;
    }

    /** The live index is the projector's; any other target a rebuild's. */
    private ElasticsearchClient writing(String target) {
        return target.equals(index.alias()) ? projection : rebuilds;
    }

    /** The current documents of these contacts, including unrefreshed writes (a realtime get). */
    Map<Long, ContactDocument> current(Collection<Long> contactIds) {
        return current(index.alias(), contactIds);
    }

    /** {@link #current(Collection)} in a given index (a rebuild's new one). */
    Map<Long, ContactDocument> current(String target, Collection<Long> contactIds) {
        List<String> ids = contactIds.stream().map(String::valueOf).toList();
        MgetResponse<ContactDocument> response;
        try {
            response = writing(target).mget(m -> m.index(target).ids(ids), ContactDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
        Map<Long, ContactDocument> documents = new HashMap<>();
        for (MultiGetResponseItem<ContactDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IllegalStateException("Cannot read contact " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            GetResult<ContactDocument> result = item.result();
            if (result.found()) {
                documents.put(Long.parseLong(result.id()), result.source());
            }
        }
        return documents;
    }

    /**
     * Indexes the documents into the live index with external versions, without a refresh: they are searchable after
     * the next {@link #refresh()} or the index's scheduled one. A version conflict means Elasticsearch already has a
     * newer version: the contact is at least as far as asked.
     *
     * @return the sequence each written contact is at now (searchable at, once refreshed), and why Elasticsearch
     *         rejected the others as invalid (they are dead-lettered)
     * @throws IllegalStateException when Elasticsearch could not take some documents for now (the batch is retried)
     */
    Written write(List<ContactDocument> documents) {
        return write(index.alias(), documents, false);
    }

    /** Makes everything written to the live index before this call searchable. */
    void refresh() {
        try {
            refreshes.indices().refresh(r -> r.index(index.alias()));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** Makes everything written to a rebuild's new index searchable, with the rebuild's longer time limit. */
    void refresh(String target) {
        try {
            rebuilds.indices().refresh(r -> r.index(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /**
     * {@link #write(List)} into a given index or alias (a rebuild's new index), refreshed on return if
     * {@code refresh}.
     */
    Written write(String target, List<ContactDocument> documents, boolean refresh) {
        return write(target, documents, refresh, VersionType.External);
    }

    /**
     * {@link #write(String, List, boolean)} for a rebuild, which has no listener container to retry it: a transient
     * refusal (Elasticsearch unreachable or overloaded) is retried with backoff for up to two minutes instead of
     * failing a job that may have run for many minutes; documents refused as invalid are logged (the live projector
     * dead-lettered their events already).
     */
    void writeRetrying(String target, List<ContactDocument> documents) {
        REBUILD_RETRY.execute(attempt -> {
            if (attempt.getLastThrowable() != null) {
                log.warn("Elasticsearch refused a bulk into {} for now (attempt {}): {}", target,
                        attempt.getRetryCount() + 1, attempt.getLastThrowable().getMessage());
            }
            write(target, documents, false).rejected().forEach((id, why) ->
                    log.error("Elasticsearch rejected contact {} in {}, left out: {}", id, target, why));
            return null;
        });
    }

    /** Writes these documents even over the same version (a rebuild repairing documents folded on a stale base). */
    Written overwrite(String target, List<ContactDocument> documents) {
        return write(target, documents, true, VersionType.ExternalGte);
    }

    private Written write(String target, List<ContactDocument> documents, boolean refresh,
                                  VersionType versionType) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh ? Refresh.True : Refresh.False)
                .requireAlias(target.equals(index.alias()));
        for (ContactDocument document : documents) {
            bulk.operations(op -> op.index(i -> i.index(target).id(String.valueOf(document.id()))
                    .version(document.version()).versionType(versionType).document(document)));
        }
        BulkResponse response;
        try {
            response = writing(target).bulk(bulk.build());
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
        Map<Long, Long> searchable = new HashMap<>();
        Map<Long, String> rejected = new HashMap<>();
        Set<Long> conflicts = new HashSet<>();
        String concrete = null;
        for (int i = 0; i < documents.size(); i++) {
            ContactDocument document = documents.get(i);
            BulkResponseItem item = response.items().get(i);
            concrete = item.index();
            if (item.error() == null || item.status() == CONFLICT) {
                searchable.put(document.id(), document.sequence());
                if (item.status() == CONFLICT) {
                    conflicts.add(document.id());
                }
            } else if (item.status() >= 500 || item.status() == TOO_MANY_REQUESTS || item.status() == NOT_FOUND) {
                // a missing index or alias waits for an operator; skipping would lose the events
                throw new IllegalStateException("Elasticsearch refused contact " + document.id() + " for now: "
                        + item.error().reason());
            } else {
                rejected.put(document.id(), item.status() + " " + item.error().type() + ": " + item.error().reason());
            }
        }
        return new Written(searchable, rejected, conflicts, concrete);
    }

    /**
     * @param rejected per contact, Elasticsearch's status, error type and reason
     * @param conflicts the contacts Elasticsearch had at this version or a later one already (among searchable)
     * @param index     the concrete index the bulk went to (behind the alias), null for no documents
     */
    record Written(Map<Long, Long> searchable, Map<Long, String> rejected, Set<Long> conflicts, String index) {

        static final Written NOTHING = new Written(Map.of(), Map.of(), Set.of(), null);
    }
}
