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
import io.contacts.query.web.RequestDeadline;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** A result's landmarks in sort order; replaced whole, by one walk at a time. */
    private static final class Marks {
        private volatile List<Mark> list = List.of();
    }

    /** A walk of one result towards {@code offset}, running on a walker thread; its end says where the page starts. */
    private static final class Walk {
        private final long offset;
        private final long from;
        private final long startedNanos = System.nanoTime();
        private volatile long at;
        private final CompletableFuture<Optional<Start>> end = new CompletableFuture<>();

        private Walk(long from, long offset) {
            this.from = from;
            this.offset = offset;
            this.at = from;
        }

        /** How long the rest of the walk likely takes, at the pace it went so far. */
        private Duration remaining() {
            long walked = at - from;
            long elapsed = System.nanoTime() - startedNanos;
            return walked <= 0 ? Duration.ofSeconds(1)
                    : Duration.ofNanos((long) ((double) elapsed / walked * Math.max(0, offset - at)));
        }
    }

    /** What a request leaves for its page after waiting for a walk (a count, a few sort values, the page). */
    private static final Duration PAGE_RESERVE = Duration.ofMillis(500);

    private final ElasticsearchClient client;
    private final IndexProperties index;
    private final ResultWindow window;
    private final Cache<Key, Marks> cache;
    private final ConcurrentMap<Key, Walk> walks = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor walkers;

    Landmarks(ElasticsearchClient client, IndexProperties index, ResultWindow window, DeepPageLimits limits) {
        this.client = client;
        this.index = index;
        this.window = window;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(window.landmarkBudget())
                .weigher((Key key, Marks marks) -> 1 + marks.list.size())
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
        AtomicInteger threads = new AtomicInteger();
        // one walk per result, at most a few results at a time: a walk waits for a walker no longer than a request
        this.walkers = new ThreadPoolExecutor(limits.walkers(), limits.walkers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.walkers()), runnable -> {
                    Thread thread = new Thread(runnable, "landmark-walker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        walkers.shutdownNow();
    }

    /**
     * @param result identifies the result (the same query, or a scope whose queries differ only in what they admit)
     * @param query  the full query, account wall included
     * @return the sort values of the hit just before {@code offset}, for {@code search_after}; empty when the result
     *         has no hit at {@code offset}
     * @throws DeepPageBusyException when the landmarks up to {@code offset} are still being walked
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

    /**
     * Makes sure a landmark leads to {@code offset}: starts or joins the walk there and waits for it, so that
     * {@link #seek} finds it.
     *
     * @throws DeepPageBusyException when the walk outlasts what the request has left
     */
    void walkTo(String result, Query query, ContactSort sort, long offset, int size) {
        landmark(result, query, sort, offset, size);
    }

    /**
     * The landmark that leads to {@code offset}. Where none is near enough, a walker walks there in the background
     * (one walk per result; a request needing a deeper one waits for the running walk and starts the next): the
     * request waits for it within its budget, and a walk that outlasts the request goes on, so that a retry finds
     * its landmarks.
     */
    private Optional<Start> landmark(String result, Query query, ContactSort sort, long offset, int size) {
        List<ContactSort.SortField> fields = sort.fields();
        Key key = new Key(result, fields);
        int maxFrom = window.resultWindow() - size;
        while (true) {
            Marks marks = cache.get(key, k -> new Marks());
            Located located = locate(marks.list, query, fields, offset);
            if (offset - located.position <= maxFrom) {
                return Optional.of(new Start(located.after(), (int) (offset - located.position)));
            }
            Walk walk = walks.compute(key, (k, running) -> running != null ? running
                    : start(k, marks, located, query, sort, offset, maxFrom));
            Optional<Start> end = await(walk);
            if (walk.offset == offset || end.isEmpty() && walk.offset <= offset) {
                return end;
            }
        }
    }

    private Walk start(Key key, Marks marks, Located located, Query query, ContactSort sort, long offset,
                       int maxFrom) {
        Walk walk = new Walk(located.position(), offset);
        try {
            walkers.execute(() -> {
                try {
                    walk.end.complete(walk(walk, marks.list, located, query, sort, maxFrom, marks));
                } catch (RuntimeException e) {
                    walk.end.completeExceptionally(e);
                } finally {
                    cache.put(key, marks); // weighs it again
                    walks.remove(key, walk);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new DeepPageBusyException("every landmark walker is busy", Duration.ofSeconds(1));
        }
        return walk;
    }

    /** The walk's end, if it comes within what the request has left for it. */
    private static Optional<Start> await(Walk walk) {
        Duration left = RequestDeadline.remaining().orElse(Duration.ZERO).minus(PAGE_RESERVE);
        try {
            return walk.end.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DeepPageBusyException("landmarks are being walked to offset " + walk.offset + " (at " + walk.at
                    + ")", walk.remaining());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeepPageBusyException("interrupted while landmarks are walked", Duration.ofSeconds(1));
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
     * every spacing hits; the landmarks after the located one are replaced by those found, hop by hop.
     */
    private Optional<Start> walk(Walk progress, List<Mark> seen, Located located, Query query, ContactSort sort,
                                 int maxFrom, Marks marks) {
        long offset = progress.offset;
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
                // shallower pages and the walk's waiters use what it found so far
                marks.list = List.copyOf(walked);
                progress.at = at;
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
