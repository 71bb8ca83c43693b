package io.contacts.query.contact;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.projection.ContactDocument;
import io.contacts.query.projection.IndexProperties;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * The read side's access to the contacts index. Every search is walled to one account and hides tombstones here,
 * so no endpoint can forget it.
 */
@Component
public class ContactReader {

    /** How long a scan's point in time lives between two pages. */
    private static final Time SCAN_KEEP_ALIVE = Time.of(t -> t.time("2m"));

    public record Page(List<ContactDocument> contacts, long total) {
    }

    private final ElasticsearchClient client;
    private final ElasticsearchClient exports;
    private final IndexProperties index;
    private final ResultWindow window;
    private final Landmarks landmarks;
    private final DeepPageBulkhead deepPages;

    public ContactReader(ElasticsearchClients clients, IndexProperties index, ResultWindow window,
                         Landmarks landmarks, DeepPageBulkhead deepPages) {
        this.client = clients.of(ElasticsearchUse.READ);
        this.exports = clients.of(ElasticsearchUse.EXPORT);
        this.index = index;
        this.window = window;
        this.landmarks = landmarks;
        this.deepPages = deepPages;
    }

    /** A live contact of the account, as last written (realtime get). */
    public Optional<ContactDocument> find(long accountId, long contactId) {
        return get(contactId).filter(d -> d.accountId() == accountId && !d.deleted());
    }

    /**
     * One page of the account's live contacts matching all conditions, at any depth.
     * <p>
     * With a count, the page and the count are two searches of one {@code _msearch}: a page that counts nothing lets
     * Lucene skip the documents that cannot enter it (whereas counting visits every match through the sort), and the
     * count, a {@code size: 0} search, is kept by the shard request cache until the index next changes. A page past
     * the result window starts from a landmark ({@link Landmarks}), so no search ranks more than the window.
     *
     * @param countAll whether {@link Page#total} must count every match (else it is not computed)
     */
    public Page search(long accountId, List<Query> conditions, ContactSort sort, long from, int size,
                       boolean countAll) {
        Query query = walled(accountId, conditions);
        return search(query.toString(), query, sort, from, size, countAll);
    }

    /**
     * The same, for a result whose conditions change between requests while its order does not (the contacts
     * online now): {@code scope} names it, so that its landmarks outlive a change of the conditions.
     */
    public Page search(String scope, long accountId, List<Query> conditions, ContactSort sort, long from, int size) {
        return search(scope + "@" + accountId, walled(accountId, conditions), sort, from, size, true);
    }

    private Page search(String result, Query query, ContactSort sort, long from, int size, boolean countAll) {
        if (from <= window.resultWindow() - size) {
            return page(query, page(query, sort, List.of(), (int) from, size), countAll);
        }
        // waiting for a walk holds no place in the bulkhead: the walk runs on a walker thread, not on this one
        landmarks.walkTo(result, query, sort, from, size);
        return deepPages.admit(() -> {
            Optional<List<FieldValue>> after = landmarks.seek(result, query, sort, from, size);
            if (after.isEmpty()) {
                return new Page(List.of(), countAll ? total(msearch(count(query)).get(0)) : 0);
            }
            return page(query, page(query, sort, after.get(), 0, size), countAll);
        });
    }

    private Page page(Query query, MultisearchBody page, boolean countAll) {
        if (!countAll) {
            return new Page(sources(msearch(page).get(0)), 0);
        }
        List<MultiSearchItem<ContactDocument>> both = msearch(page, count(query));
        return new Page(sources(both.get(0)), total(both.get(1)));
    }

    private static Query walled(long accountId, List<Query> conditions) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("account_id").value(accountId)))
                .filter(f -> f.term(t -> t.field("deleted").value(false)))
                .filter(conditions)));
    }

    /** The page without its count: Lucene skips the documents that cannot enter it. */
    private static MultisearchBody page(Query query, ContactSort sort, List<FieldValue> after, int from, int size) {
        return MultisearchBody.of(b -> {
            b.query(query).sort(sort.toSortOptions()).from(from).size(size).trackTotalHits(t -> t.enabled(false));
            return after.isEmpty() ? b : b.searchAfter(after);
        });
    }

    private static MultisearchBody count(Query query) {
        return MultisearchBody.of(b -> b.query(query).size(0).trackTotalHits(t -> t.enabled(true)));
    }

    /**
     * The searches as one {@code _msearch}, also when there is only one, so that a page or a count is written once
     * whether it goes alone or with the other.
     */
    private List<MultiSearchItem<ContactDocument>> msearch(MultisearchBody... searches) {
        MsearchResponse<ContactDocument> response = call(() -> client.msearch(m -> {
            for (MultisearchBody search : searches) {
                m.searches(s -> s.header(h -> h.index(index.alias())).body(search));
            }
            return m;
        }, ContactDocument.class));
        return response.responses().stream().map(ContactReader::result).toList();
    }

    private static long total(MultiSearchItem<ContactDocument> count) {
        TotalHits total = count.hits().total();
        return total == null ? 0 : total.value();
    }

    /** One search of an {@code _msearch}; its failure is Elasticsearch unable to answer, as for a single search. */
    private static MultiSearchItem<ContactDocument> result(MultiSearchResponseItem<ContactDocument> item) {
        if (item.isFailure()) {
            throw new ServiceUnavailableException("Elasticsearch cannot answer: " + item.failure().error().reason(),
                    null);
        }
        return item.result();
    }

    private static List<ContactDocument> sources(MultiSearchItem<ContactDocument> page) {
        List<Hit<ContactDocument>> hits = page.hits().hits();
        List<ContactDocument> contacts = new ArrayList<>(hits.size());
        for (Hit<ContactDocument> hit : hits) {
            contacts.add(hit.source());
        }
        return contacts;
    }

    /** Receives the pages of a {@link #scan}. */
    public interface PageHandler {
        /** @param total how many contacts the whole scan has */
        void page(List<ContactDocument> contacts, long total) throws IOException;
    }

    /**
     * Every live contact of the account matching all conditions, in id order, handed over one page at a time: a
     * point in time keeps the view consistent and {@code search_after} walks it, so neither depth nor the number of
     * contacts matters (never from/size). Memory holds one page.
     *
     * @return how many contacts were handed over
     */
    public long scan(long accountId, List<Query> conditions, int pageSize, PageHandler handler) throws IOException {
        String pit = call(() -> exports.openPointInTime(p -> p.index(index.alias()).keepAlive(SCAN_KEEP_ALIVE))).id();
        try {
            long handed = 0;
            long total = -1;
            List<FieldValue> after = List.of();
            while (true) {
                String current = pit;
                List<FieldValue> from = after;
                boolean first = total < 0;
                SearchResponse<ContactDocument> response = call(() -> exports.search(s -> {
                    s.pit(p -> p.id(current).keepAlive(SCAN_KEEP_ALIVE))
                            .query(walled(accountId, conditions))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                            .size(pageSize)
                            .trackTotalHits(t -> t.enabled(first));
                    return from.isEmpty() ? s : s.searchAfter(from);
                }, ContactDocument.class));
                if (response.pitId() != null) {
                    pit = response.pitId();
                }
                if (first) {
                    total = response.hits().total() == null ? 0 : response.hits().total().value();
                }
                List<Hit<ContactDocument>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return handed;
                }
                handler.page(hits.stream().map(Hit::source).toList(), total);
                handed += hits.size();
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            String opened = pit;
            try {
                exports.closePointInTime(c -> c.id(opened));
            } catch (IOException | ElasticsearchException e) {
                // it expires by itself after the keep-alive
            }
        }
    }

    private Optional<ContactDocument> get(long contactId) {
        GetResponse<ContactDocument> response = call(() -> client.get(g -> g.index(index.alias())
                .id(String.valueOf(contactId)), ContactDocument.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

}
