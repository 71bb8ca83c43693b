package io.contacts.query.contact;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contacts.query.projection.IndexProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * Where a page past the result window starts, without ever ranking more than the window in one search.
 * <p>
 * A landmark is the sort values of every {@link ResultWindow#landmarkSpacing() spacing}-th hit of a result (a query
 * in a sort), found once by walking the result with {@code search_after} hops that fetch sort values only. A page at
 * offset N then starts from the last landmark before N: a count of the hits sorting at or before the landmark
 * ({@link SortPosition}) says where it is now, the sort values of the {@code N - count} hits after it (fewer than
 * the spacing, as a rule) lead to the hit just before N, and the page is {@code search_after} that hit (Elasticsearch
 * refuses {@code from} beside {@code search_after}). Landmarks are values, not positions: writes only move them, the
 * count finds them again, a landmark that moved past N is passed over for an earlier one, and one that fell too far
 * behind is walked on from.
 */
@Component
public class Landmarks {

    /** Where a landmark leaves a page: after these sort values (none: the first hit), skipping {@code from} hits. */
    private record Start(List<FieldValue> after, int from) {
    }

    private record Mark(List<FieldValue> values, long index) {
    }

    private record Key(String result, List<ContactSort.SortField> sort) {
    }

    /** A result's landmarks in sort order; replaced whole, walked by one request at a time. */
    private static final class Marks {
        private volatile List<Mark> list = List.of();
    }

    private final ElasticsearchClient client;
    private final IndexProperties index;
    private final ResultWindow window;
    private final Cache<Key, Marks> cache;

    Landmarks(ElasticsearchClient client, IndexProperties index, ResultWindow window) {
        this.client = client;
        this.index = index;
        this.window = window;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(window.landmarkBudget())
                .weigher((Key key, Marks marks) -> 1 + marks.list.size())
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /**
     * @param result identifies the result (the same query, or a scope whose queries differ only in what they admit)
     * @param query  the full query, account wall included
     * @return the sort values of the hit just before {@code offset}, for {@code search_after}; empty when the result
     *         has no hit at {@code offset}
     */
    Optional<List<FieldValue>> seek(String result, Query query, ContactSort sort, long offset, int size) {
        return landmark(result, query, sort, offset, size).flatMap(start -> {
            if (start.from() == 0) {
                return Optional.of(start.after());
            }
            List<List<FieldValue>> skipped = sortValues(query, sort, start.after(), start.from());
            return skipped.size() < start.from() ? Optional.empty()
                    : Optional.of(skipped.get(skipped.size() - 1));
        });
    }

    private Optional<Start> landmark(String result, Query query, ContactSort sort, long offset, int size) {
        List<ContactSort.SortField> fields = sort.fields();
        Key key = new Key(result, fields);
        Marks marks = cache.get(key, k -> new Marks());
        int maxFrom = window.resultWindow() - size;
        List<Mark> seen = marks.list;
        Located located = locate(seen, query, fields, offset);
        if (offset - located.position <= maxFrom) {
            return Optional.of(new Start(located.after(), (int) (offset - located.position)));
        }
        synchronized (marks) {
            if (marks.list != seen) {
                // another request walked meanwhile
                seen = marks.list;
                located = locate(seen, query, fields, offset);
                if (offset - located.position <= maxFrom) {
                    return Optional.of(new Start(located.after(), (int) (offset - located.position)));
                }
            }
            Optional<Start> start = walk(seen, located, query, sort, offset, maxFrom, marks);
            cache.put(key, marks); // weighs it again
            return start;
        }
    }

    /** The last landmark at or before {@code offset} now, and how many hits sort at or before it. */
    private record Located(int mark, List<FieldValue> after, long position) {
    }

    private Located locate(List<Mark> marks, Query query, List<ContactSort.SortField> fields, long offset) {
        int j = marks.size() - 1;
        while (j >= 0 && marks.get(j).index() + 1 > offset) {
            j--;
        }
        for (; j >= 0; j--) {
            long position = count(query, SortPosition.atOrBefore(fields, marks.get(j).values()));
            if (position <= offset) {
                return new Located(j, marks.get(j).values(), position);
            }
        }
        return new Located(-1, List.of(), 0);
    }

    /**
     * Hops of at most a window of sort values from the located landmark towards {@code offset}, keeping a landmark
     * every spacing hits; the landmarks after the located one are replaced by those found.
     */
    private Optional<Start> walk(List<Mark> seen, Located located, Query query, ContactSort sort, long offset,
                                 int maxFrom, Marks marks) {
        int spacing = window.landmarkSpacing();
        List<Mark> walked = new ArrayList<>(seen.subList(0, located.mark() + 1));
        List<FieldValue> after = located.after();
        long at = located.position();
        try {
            while (offset - at > maxFrom) {
                int hop = (int) Math.min(window.resultWindow(), offset - at);
                List<List<FieldValue>> sorts = sortValues(query, sort, after, hop);
                for (int i = 0; i < sorts.size(); i++) {
                    long hitIndex = at + i;
                    if ((hitIndex + 1) % spacing == 0) {
                        walked.add(new Mark(sorts.get(i), hitIndex));
                    }
                }
                if (sorts.size() < hop) {
                    return Optional.empty();
                }
                at += hop;
                after = sorts.get(sorts.size() - 1);
            }
        } finally {
            marks.list = List.copyOf(walked);
        }
        // start from the nearest landmark the walk passed, rather than its end
        Mark nearest = walked.isEmpty() ? null : walked.get(walked.size() - 1);
        if (nearest != null && nearest.index() + 1 <= offset && nearest.index() + 1 > at) {
            return Optional.of(new Start(nearest.values(), (int) (offset - nearest.index() - 1)));
        }
        return Optional.of(new Start(after, (int) (offset - at)));
    }

    private long count(Query query, Query atOrBefore) {
        return call(() -> client.count(c -> c.index(index.alias())
                .query(q -> q.bool(b -> b.filter(query).filter(atOrBefore))))).count();
    }

    /** The sort values of the next {@code size} hits after {@code after}: no source, no stored field. */
    private List<List<FieldValue>> sortValues(Query query, ContactSort sort, List<FieldValue> after, int size) {
        SearchResponse<JsonData> response = call(() -> client.search(s -> {
            s.index(index.alias()).query(query).sort(sort.toSortOptions()).size(size)
                    .source(src -> src.fetch(false)).storedFields("_none_").trackTotalHits(t -> t.enabled(false));
            return after.isEmpty() ? s : s.searchAfter(after);
        }, JsonData.class));
        List<List<FieldValue>> sorts = new ArrayList<>(response.hits().hits().size());
        for (Hit<JsonData> hit : response.hits().hits()) {
            sorts.add(hit.sort());
        }
        return sorts;
    }
}
