package io.contacts.benchmarks.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.load.LoadLoop;
import io.contacts.benchmarks.report.Table;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What 16 concurrent deep pages do to everyone else: the other readers (a few clients reading page 1 and searching,
 * as a dashboard does) measured alone, beside 16 clients reading deep pages, and beside 16 clients reading page 1
 * (the same concurrency without depth, so that what depth itself costs shows); and Elasticsearch's circuit breakers
 * ({@code _nodes/stats/breaker}: trips and the request breaker's peak) before and after, in one run.
 */
final class DeepPageContention {

    /** The other readers: a dashboard or two, not a load test. */
    static final int OTHER_READERS = 2;
    static final int DEEP_READERS = 16;

    record Result(Latencies othersAlone, Latencies othersBesideDeep, Latencies deep, Latencies othersBesideShallow,
                  Latencies shallow, long trippedBefore, long trippedAfter) {

        /** Other readers' p99 beside the deep pages over their p99 alone. */
        double p99Ratio() {
            return othersAlone.p99Millis() > 0 ? othersBesideDeep.p99Millis() / othersAlone.p99Millis() : 0;
        }
    }

    private final ContactsApi api;
    private final Stack stack;
    private final Account account;
    private final int rows;
    private final Duration warmUp;
    private final Duration measuring;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    /** Deep pages the service put off: 503 with Retry-After (bulkhead full, a walk runs), and other 503s. */
    private final AtomicLong putOff = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();

    DeepPageContention(ContactsApi api, Stack stack, Account account, int rows, Duration warmUp, Duration measuring) {
        this.api = api;
        this.stack = stack;
        this.account = account;
        this.rows = rows;
        this.warmUp = warmUp;
        this.measuring = measuring;
    }

    Result run(PrintStream out) {
        List<Integer> deepPages = deepPages();
        String deepPath = ReadShape.list(deepPages.get(0)).path();
        JsonNode deepPage = api.json(account, "GET", deepPath, null);
        if (deepPage.path("payload").size() != ChatwootSql.PER_PAGE) {
            throw new BenchmarkException("a deep page (" + deepPath + ") answers " + deepPage.path("payload").size()
                    + " contacts, not " + ChatwootSql.PER_PAGE + ": deep pages are not served");
        }
        long trippedBefore = tripped();
        Latencies alone = others();
        Latencies[] deep = beside(i -> ReadShape.list(deepPages.get(Math.floorMod(i, deepPages.size()))));
        Latencies[] shallow = beside(i -> ReadShape.list(1));
        long trippedAfter = tripped();
        Result result = new Result(alone, deep[0], deep[1], shallow[0], shallow[1], trippedBefore, trippedAfter);
        out.printf("%n%d concurrent deep pages (by name, pages %s) beside %d other readers (list page 1 by name, name "
                        + "search by name), %d s each after a %d s warm-up:%n", DEEP_READERS, deepPages,
                OTHER_READERS, measuring.toSeconds(), warmUp.toSeconds());
        Table table = Table.of("what", 44, "p50", 9, "p99", 9, "n", 7, "per s", 7);
        out.print(table.header());
        print(out, table, "other readers alone", alone);
        print(out, table, "other readers beside 16 deep pages", deep[0]);
        print(out, table, "  the 16 deep pages", deep[1]);
        print(out, table, "other readers beside 16 page-1 readers", shallow[0]);
        print(out, table, "  the 16 page-1 readers", shallow[1]);
        out.printf("other readers' p99 beside the deep pages / alone: %.2f; beside page 1 / alone: %.2f%n",
                result.p99Ratio(), alone.p99Millis() > 0 ? shallow[0].p99Millis() / alone.p99Millis() : 0);
        out.printf("answers 503 to the 16 clients (warm-up included, counted in their latencies): %d with Retry-After, "
                + "%d without%n", putOff.get(), unavailable.get());
        out.printf("Elasticsearch circuit breakers tripped: %d before, %d after%n", trippedBefore, trippedAfter);
        return result;
    }

    /** A spread of deep pages, from the first past the default window to the last. */
    private List<Integer> deepPages() {
        int last = ReadShape.lastPage(rows);
        return List.of(Math.min(1_000, last), Math.min(10_000, last), last / 2, last * 3 / 4, last);
    }

    private interface Pages {
        ReadQuery page(int i);
    }

    /** The other readers' latencies and the 16 clients' beside them, measured at the same time. */
    private Latencies[] beside(Pages pages) {
        CompletableFuture<Latencies> sixteen = CompletableFuture.supplyAsync(() -> LoadLoop.run(DEEP_READERS,
                warmUp, measuring.plus(warmUp), i -> measurePuttingOff(pages.page(i))).latencies());
        Latencies others = others();
        return new Latencies[] {others, sixteen.join()};
    }

    private Latencies others() {
        return LoadLoop.run(OTHER_READERS, warmUp, measuring, i -> measure(i % 2 == 0 ? ReadShape.list(1)
                : ReadShape.SEARCH_NAME.query(i / 2, rows))).latencies();
    }

    private void measure(ReadQuery query) {
        api.measure(account, query.method(), query.path(), query.jsonBody());
    }

    /** A page, or a 503 (the read bound: 3 s), which a client retries (as these do, at once). */
    private void measurePuttingOff(ReadQuery query) {
        HttpResponse<byte[]> response = api.send(account, query.method(), query.path(), query.jsonBody());
        if (response.statusCode() == 503) {
            (response.headers().firstValue("Retry-After").isPresent() ? putOff : unavailable).incrementAndGet();
        } else if (response.statusCode() != 200) {
            throw new BenchmarkException(query.method() + " " + query.path() + " answered " + response.statusCode()
                    + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Trips of every breaker of every node so far. */
    private long tripped() {
        String url = stack.elasticsearchUrl() + "/_nodes/stats/breaker";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchmarkException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            long tripped = 0;
            for (JsonNode node : mapper.readTree(response.body()).path("nodes")) {
                for (JsonNode breaker : node.path("breakers")) {
                    tripped += breaker.path("tripped").asLong();
                }
            }
            return tripped;
        } catch (IOException e) {
            throw new BenchmarkException("cannot read " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    private static void print(PrintStream out, Table table, String what, Latencies latencies) {
        out.print(table.add(what, Table.millis(latencies.p50Millis()), Table.millis(latencies.p99Millis()),
                String.valueOf(latencies.count()), String.format(java.util.Locale.ROOT, "%.0f",
                        latencies.perSecond())));
    }
}
