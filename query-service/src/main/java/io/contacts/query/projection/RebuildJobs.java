package io.contacts.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.contacts.query.elasticsearch.AliasedIndex;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * Rebuild jobs in an index every instance sees ({@code <alias>-rebuilds} behind {@code <alias>-rebuilds-v1}), and the
 * one-at-a-time rule: a document {@code lock} names the job that holds it. A job whose lease ran out (its instance
 * stopped) loses the lock to the next request.
 */
@Component
class RebuildJobs {

    private static final Logger log = LoggerFactory.getLogger(RebuildJobs.class);
    private static final String LOCK = "lock";

    /** The job that holds the lock, when a new one could not take it. */
    record Refused(RebuildJob running) {
    }

    private final ElasticsearchClient client;
    private final AliasedIndex index;

    RebuildJobs(ElasticsearchClients clients, IndexProperties contacts) {
        this.client = clients.of(ElasticsearchUse.ADMIN);
        String alias = contacts.alias() + "-rebuilds";
        this.index = new AliasedIndex(client, alias, alias + "-v1", mapping());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAtStartUp() {
        index.createAtStartUp(log, "Rebuild");
    }

    /** Stores the job if no other one runs; otherwise the one that does. */
    Optional<Refused> start(RebuildJob job, long now) {
        index.ensureAvailable();
        RebuildJob lock = new RebuildJob(job.id(), null, null, false, false, null, null, 0, 0, 0, null, null, null,
                null);
        if (!createLock(lock)) {
            GetResponse<RebuildJob> held = call(() -> client.get(g -> g.index(index.alias()).id(LOCK),
                    RebuildJob.class));
            if (held.found()) {
                Optional<RebuildJob> holder = find(held.source().id());
                if (holder.isPresent() && holder.get().running(now)) {
                    return Optional.of(new Refused(holder.get()));
                }
                if (!replaceLock(lock, held.seqNo(), held.primaryTerm())) {
                    return Optional.of(new Refused(find(held.source().id()).orElse(held.source())));
                }
                holder.filter(abandoned -> RebuildJob.RUNNING.equals(abandoned.status()))
                        .ifPresent(abandoned -> save(abandoned.ended(RebuildJob.FAILED,
                                "abandoned: the instance running it stopped", now)));
            } else if (!createLock(lock)) {
                return Optional.of(new Refused(job));
            }
        }
        save(job);
        return Optional.empty();
    }

    Optional<RebuildJob> find(long id) {
        index.ensureAvailable();
        GetResponse<RebuildJob> response = call(() -> client.get(g -> g.index(index.alias())
                .id(String.valueOf(id)), RebuildJob.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    void save(RebuildJob job) {
        call(() -> client.index(i -> i.index(index.alias()).id(String.valueOf(job.id())).document(job)));
    }

    /** Ends the job and frees the lock for the next one. */
    void finish(RebuildJob job) {
        save(job);
        call(() -> client.delete(d -> d.index(index.alias()).id(LOCK)));
    }

    private boolean createLock(RebuildJob lock) {
        return written(BulkOperation.of(op -> op.create(c -> c.index(index.alias()).id(LOCK).document(lock))));
    }

    private boolean replaceLock(RebuildJob lock, long seqNo, long primaryTerm) {
        return written(BulkOperation.of(op -> op.index(i -> i.index(index.alias()).id(LOCK).document(lock)
                .ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm))));
    }

    /** One conditional write; false when its condition failed (a bulk item reports the conflict as a status). */
    private boolean written(BulkOperation operation) {
        BulkResponseItem item = call(() -> client.bulk(b -> b.operations(operation).refresh(Refresh.False)))
                .items().get(0);
        if (item.status() == 409) {
            return false;
        }
        if (item.error() != null) {
            throw new ServiceUnavailableException("Elasticsearch refused the rebuild lock: "
                    + item.error().reason(), null);
        }
        return true;
    }

    static TypeMapping mapping() {
        Property number = Property.of(p -> p.long_(l -> l));
        Property time = Property.of(p -> p.date(d -> d.format("epoch_millis")));
        Property keyword = Property.of(p -> p.keyword(k -> k));
        Property flag = Property.of(p -> p.boolean_(b -> b));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("id", number)
                .properties("status", keyword)
                .properties("step", keyword)
                .properties("switch_alias", flag)
                .properties("keep_old_index", flag)
                .properties("new_index", keyword)
                .properties("old_index", keyword)
                .properties("contacts", number)
                .properties("events", number)
                .properties("caught_up_events", number)
                .properties("created_at", time)
                .properties("completed_at", time)
                .properties("lease_until", time)
                // rendering only: no length limit
                .properties("error", Property.of(p -> p.keyword(k -> k.index(false).docValues(false)))));
    }
}
