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

    private static final int BATCH = 100;

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
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw ElasticsearchCalls.unavailable(e);
        } catch (IOException e) {
            throw ElasticsearchCalls.unavailable(e);
        }
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
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw ElasticsearchCalls.unavailable(e);
        } catch (IOException e) {
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
