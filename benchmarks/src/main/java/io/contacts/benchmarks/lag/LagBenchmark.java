package io.contacts.benchmarks.lag;

import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.Refusals;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.load.OpenLoop;
import io.contacts.benchmarks.load.RateSchedule;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.write.MaxWriteRate;
import io.contacts.benchmarks.write.WriteBodies;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Projection lag: creates at a steady open-loop rate; for every sampled write, the time from its 2xx until the
 * search side (Elasticsearch, through the filter endpoint) finds it, polled every few milliseconds.
 */
public final class LagBenchmark implements Benchmark {

    /** A contact not found this long after its 2xx counts as never visible. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** Threads of the open loop: each holds one write and then its polls. */
    static final int THREADS = 256;
    static final Duration FINE_POLLING = Duration.ofMillis(100);
    static final Duration COARSE_POLL = Duration.ofMillis(25);
    static final Duration LATE = Duration.ofMillis(10);
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Stack stack;
    private final LagOptions options;
    private final ContactsApi api;

    public LagBenchmark(Stack stack, LagOptions options) {
        this.stack = stack;
        this.options = options;
        this.api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
    }

    /** The filter that finds one contact by its email: an exact term query on the search index. */
    public static String byEmail(String email) {
        return "{\"payload\":[{\"attribute_key\":\"email\",\"filter_operator\":\"equal_to\",\"values\":[\""
                + email + "\"],\"query_operator\":null}]}";
    }

    @Override
    public Section run(PrintStream out) {
        MaxWriteRate saved = new MaxWriteRate(stack.runDir());
        double rate = options.rate().orElseGet(() -> saved.saved().map(max -> max / 2).orElseThrow(() ->
                new BenchmarkException("no maximum write rate in " + saved.file() + ": run benchmarks/run.sh write"
                        + " first, or pass --rate R")));
        String rateSource = options.rate().isPresent() ? "--rate" : "half the highest create rate of run.sh write";
        int run = WriteBodies.runFromClock();
        WriteBodies bodies = new WriteBodies(2, run);
        Account account = api.newAdministratorAccount("lag-bench-" + run);
        out.printf("%nprojection lag: account %d, %.1f creates/s (%s) for %d s after a %d s warm-up, every %s write "
                        + "sampled, polled every %d ms; load average %s%n", account.id(), rate, rateSource,
                options.measuring().toSeconds(), options.warmUp().toSeconds(),
                options.sampleEvery() == 1 ? "" : options.sampleEvery() + "th", options.pollInterval().toMillis(),
                Machine.loadAverage());
        Histogram lagMicros = new ConcurrentHistogram(MAX_MICROS, 3);
        Histogram writeMicros = new ConcurrentHistogram(MAX_MICROS, 3);
        AtomicLong firstPoll = new AtomicLong();
        AtomicLong neverVisible = new AtomicLong();
        Refusals refusals = new Refusals();
        RateSchedule schedule = new RateSchedule(rate, LATE);
        OpenLoop.Sent sent = OpenLoop.run(schedule, options.warmUp(), options.measuring(), THREADS,
                (i, measured) -> {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = api.send(account, "POST", "/contacts", bodies.create(i));
                    long answered = System.nanoTime();
                    if (response.statusCode() / 100 != 2) {
                        refusals.add("POST", "/contacts", response.statusCode(),
                                new String(response.body(), StandardCharsets.UTF_8));
                        return;
                    }
                    if (!measured) {
                        return;
                    }
                    writeMicros.recordValue(Math.min(MAX_MICROS, (answered - start) / 1000));
                    if (i % options.sampleEvery() == 0) {
                        poll(account, bodies.email(i), answered, lagMicros, firstPoll, neverVisible);
                    }
                });
        Latencies lag = Latencies.of(lagMicros, sent.elapsedNanos());
        Latencies write = Latencies.of(writeMicros, sent.elapsedNanos());
        Table table = Table.of("measured", 22, "p50", 9, "p95", 9, "p99", 9, "max", 9, "n", 7);
        out.print(table.header());
        out.print(table.add("2xx -> found by search", Table.millis(lag.p50Millis()), Table.millis(lag.p95Millis()),
                Table.millis(lag.p99Millis()), Table.millis(lag.maxMillis()), String.valueOf(lag.count())));
        out.print(table.add("write (send -> 2xx)", Table.millis(write.p50Millis()), Table.millis(write.p95Millis()),
                Table.millis(write.p99Millis()), Table.millis(write.maxMillis()), String.valueOf(write.count())));
        String summary = String.format(Locale.ROOT, "asked %.1f creates/s, achieved %.1f/s (%d sends, %d started "
                        + "more than %d ms late); %d of %d samples found by the first poll; %d never found within "
                        + "%d s; %d refused", rate, sent.perSecond(), sent.sends(), sent.late(), LATE.toMillis(),
                firstPoll.get(), lag.count() + neverVisible.get(), neverVisible.get(), GIVE_UP.toSeconds(),
                refusals.count());
        out.println(summary);
        out.printf("resolution: a poll every %d ms (from %d ms after the 2xx, every %d ms), and a lag is taken when "
                        + "the poll that finds the contact was sent, so the true moment lies between the previous poll "
                        + "(or the 2xx) and that poll's answer%n", options.pollInterval().toMillis(),
                FINE_POLLING.toMillis(), pollInterval(options.pollInterval(), FINE_POLLING.toNanos()) / 1_000_000);
        if (refusals.first() != null) {
            out.println("  first refusal: " + refusals.first());
        }
        List<String> failures = new ArrayList<>();
        if (refusals.count() > 5) {
            failures.add(refusals.count() + " lag writes were refused");
        }
        if (neverVisible.get() > 0) {
            failures.add(neverVisible.get() + " written contacts were not found by search within "
                    + GIVE_UP.toSeconds() + " s");
        }
        List<Chart.Bar> bars = new ArrayList<>();
        for (String series : List.of("p50", "p95", "p99")) {
            bars.add(new Chart.Bar("2xx -> found by search", series, pick(lag, series)));
            bars.add(new Chart.Bar("write (send -> 2xx)", series, pick(write, series)));
        }
        String method = String.format(Locale.ROOT, "Creates into a fresh account at a steady open-loop rate (%s). "
                        + "For every %s write, from its 2xx the benchmark sends `POST /contacts/filter` with `email "
                        + "equal_to` its unique email every %d ms (after 100 ms every 25 ms at least) until the "
                        + "contact is found: an exact term query on "
                        + "Elasticsearch, the same index search and list read (the search endpoint's `*term*` "
                        + "wildcard would cost more with the index size and measure the search, not the lag). "
                        + "Writes answer after the read-your-writes wait, so the lag after the 2xx is expected to be "
                        + "about nil: the projection's lag is inside the write latency shown below it. %s.",
                rateSource, options.sampleEvery() == 1 ? "" : options.sampleEvery() + "th",
                options.pollInterval().toMillis(), summary);
        return new Section("Projection lag", method, table,
                List.of(new Chart.Bars("lag-latency.png", "Projection lag and write latency", "ms", bars)),
                List.of(new Target("projection lag p99 under 1 s at 50% of the maximum write rate",
                        Table.millis(lag.p99Millis()) + " at " + String.format(Locale.ROOT, "%.1f", sent.perSecond())
                                + " writes/s", lag.count() > 0 && lag.p99Millis() < 1000 && neverVisible.get() == 0)),
                failures);
    }

    private void poll(Account account, String email, long answered, Histogram lagMicros, AtomicLong firstPoll,
                      AtomicLong neverVisible) {
        long deadline = answered + GIVE_UP.toNanos();
        boolean first = true;
        while (true) {
            long sentAt = System.nanoTime();
            if (api.count(account, "POST", "/contacts/filter?include_contact_inboxes=false", byEmail(email)) >= 1) {
                lagMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, sentAt - answered) / 1000));
                if (first) {
                    firstPoll.incrementAndGet();
                }
                return;
            }
            first = false;
            long next = sentAt + pollInterval(options.pollInterval(), sentAt - answered);
            if (next > deadline) {
                neverVisible.incrementAndGet();
                return;
            }
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /**
     * The poll interval after this long without the contact: the asked one for the first {@link #FINE_POLLING},
     * then at least {@link #COARSE_POLL}, so that writes that answered before their contact is searchable (the
     * read-your-writes deadline passed) do not flood an overloaded stack with polls and keep it overloaded.
     */
    static long pollInterval(Duration asked, long sinceAnswerNanos) {
        return sinceAnswerNanos < FINE_POLLING.toNanos() ? asked.toNanos()
                : Math.max(asked.toNanos(), COARSE_POLL.toNanos());
    }

    private static double pick(Latencies latencies, String percentile) {
        switch (percentile) {
            case "p50":
                return latencies.p50Millis();
            case "p95":
                return latencies.p95Millis();
            default:
                return latencies.p99Millis();
        }
    }
}
