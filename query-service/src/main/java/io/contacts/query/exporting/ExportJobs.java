package io.contacts.query.exporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.contacts.query.elasticsearch.ElasticsearchCalls;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * Export jobs in their index. Every change names the version it replaces (sequence number and primary term), so of
 * two instances claiming or advancing the same job only one succeeds.
 */
@Component
class ExportJobs {

    /** A job with the version it was read at. */
    record Versioned(ExportJob job, long seqNo, long primaryTerm) {
    }

    /** A key's job: {@code earlier} when another request with the key made it (this one made nothing). */
    record KeyedJob(ExportJob job, boolean earlier) {
    }

    private static final int BATCH = 100;
    /** Ids a key may take in turn; that another job holds even the first is a chance of one in 10^9 at 10^7 jobs. */
    private static final int KEY_ATTEMPTS = 4;

    private final ElasticsearchClient client;
    private final ExportIndex index;

    ExportJobs(ElasticsearchClient client, ExportIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Stores a new job; false when its id is taken. */
    boolean create(ExportJob job) {
        index.ensureCreated();
        try {
            client.create(c -> c.index(index.alias()).id(String.valueOf(job.id())).document(job));
            return true;
        } catch (ElasticsearchException | IOException e) {
            if (ElasticsearchCalls.isConflict(e)) {
                return false;
            }
            throw ElasticsearchCalls.unavailable(e);
        }
    }

    /** The job requested with this key, if there is one (realtime). */
    Optional<ExportJob> requestedWith(ExportKey key) {
        for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
            Optional<ExportJob> holder = find(key.jobId(attempt)).map(Versioned::job);
            if (holder.isEmpty() || key.owns(holder.get())) {
                return holder;
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the key's job under the id the key names; when a concurrent request with the key (on any instance) stored
     * it first, that one's job instead.
     */
    KeyedJob createKeyed(ExportKey key, LongFunction<ExportJob> requested) {
        for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
            ExportJob job = requested.apply(key.jobId(attempt)).keyed(key);
            if (create(job)) {
                return new KeyedJob(job, false);
            }
            Optional<ExportJob> holder = find(job.id()).map(Versioned::job);
            if (holder.isPresent() && key.owns(holder.get())) {
                return new KeyedJob(holder.get(), true);
            }
        }
        throw new IllegalStateException("Every id of Idempotency-Key " + key.key().value() + " is taken");
    }

    /** The job as last written (realtime). */
    Optional<Versioned> find(long id) {
        index.ensureCreated();
        GetResponse<ExportJob> response = call(() -> client.get(g -> g.index(index.alias()).id(String.valueOf(id)),
                ExportJob.class));
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(response.source(), response.seqNo(), response.primaryTerm()));
    }

    /** Replaces the job if nobody changed it since {@code current} was read; empty when somebody did. */
    Optional<Versioned> replace(Versioned current, ExportJob next) {
        try {
            var response = client.index(i -> i.index(index.alias()).id(String.valueOf(next.id())).document(next)
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return Optional.of(new Versioned(next, response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException | IOException e) {
            if (ElasticsearchCalls.isConflict(e)) {
                return Optional.empty();
            }
            throw ElasticsearchCalls.unavailable(e);
        }
    }

    /** Pending or processing jobs whose lease ran out before {@code now}: nobody runs them. */
    List<Versioned> abandoned(long now) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(List.of(
                        FieldValue.of("pending"), FieldValue.of("processing"))))))
                .filter(f -> f.range(r -> r.date(d -> d.field("lease_until").lt(String.valueOf(now))))))));
    }

    /** Jobs requested before {@code before}, whatever their status. */
    List<Versioned> requestedBefore(long before) {
        return search(Query.of(q -> q.range(r -> r.date(d -> d.field("created_at").lt(String.valueOf(before))))));
    }

    void delete(long id) {
        call(() -> client.delete(d -> d.index(index.alias()).id(String.valueOf(id))));
    }

    private List<Versioned> search(Query query) {
        index.ensureCreated();
        return call(() -> client.search(s -> s.index(index.alias()).query(query).size(BATCH).seqNoPrimaryTerm(true)
                .sort(o -> o.field(f -> f.field("created_at"))), ExportJob.class)).hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(ExportJobs::versioned)
                .toList();
    }

    private static Versioned versioned(Hit<ExportJob> hit) {
        return new Versioned(hit.source(), hit.seqNo(), hit.primaryTerm());
    }

}
