package io.contacts.benchmarks.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.Fallbacks;
import io.contacts.benchmarks.edge.StoredContacts;
import io.contacts.benchmarks.lag.LagBenchmark;
import io.contacts.benchmarks.load.Futures;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.StackCpu;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;
import io.contacts.benchmarks.write.WriteBodies;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batch upsert API ({@code POST /api/v1/accounts/{id}/contacts/batch_upsert}) from several clients at once into a
 * fresh account of a stack that stores the read benchmark's million contacts: contacts/s from the first measured
 * request until the last batches' contacts are found by search, the batches' latency, and the CPU each process of
 * the stack used per contact.
 */
public final class BatchBenchmark implements Benchmark {

    static final double BAR = 4000;
    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String FILTER = "/contacts/filter?include_contact_inboxes=false";

    private final Stack stack;
    private final BatchOptions options;
    private final ContactsApi api;
    private final ObjectMapper mapper = new ObjectMapper();

    public BatchBenchmark(Stack stack, BatchOptions options) {
        this.stack = stack;
        this.options = options;
        this.api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
    }

    /** What the items of the measured batches did, from each answer's meta. */
    record Outcome(long created, long updated, long unchanged, long failed) {
    }

    @Override
    public Section run(PrintStream out) {
        int run = WriteBodies.runFromClock();
        long stored = new StoredContacts(stack.elasticsearchUrl()).count();
        Account account = api.newAdministratorAccount("batch-bench-" + run);
        BatchPlan plan = new BatchPlan(new WriteBodies(3, run), options.size(), new AtomicInteger());
        out.printf("%nbatch upsert: account %d through %s, %,d contacts stored in the stack; %d clients, each %d "
                        + "batches of %d after %d not measured; load average %s%n", account.id(), stack.edgeUrl(),
                stored, options.clients(), options.batches(), options.size(), options.warmUpBatches(),
                Machine.loadAverage());
        List<BatchPlan.Batch> last = new ArrayList<>();
        for (int client = 0; client < options.clients(); client++) {
            last.add(null);
        }
        AtomicLong createdInAccount = new AtomicLong();
        clients(client -> {
            for (int b = 0; b < options.warmUpBatches(); b++) {
                BatchPlan.Batch batch = plan.batch(b, last.get(client));
                createdInAccount.addAndGet(send(account, batch).created());
                last.set(client, batch);
            }
        });

        Fallbacks fallbacks = new Fallbacks(stack.commandManagementUrl());
        Optional<Map<String, Long>> fallbacksBefore = fallbacks.count();
        Histogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        StackCpu.Snapshot cpuBefore = StackCpu.take(stack.runDir());
        long started = System.nanoTime();
        clients(client -> {
            for (int b = options.warmUpBatches(); b < options.warmUpBatches() + options.batches(); b++) {
                BatchPlan.Batch batch = plan.batch(b, last.get(client));
                long sent = System.nanoTime();
                Outcome outcome = send(account, batch);
                micros.recordValue((System.nanoTime() - sent) / 1000);
                outcomes.add(outcome);
                last.set(client, batch);
            }
        });
        long answered = System.nanoTime();
        Outcome total = outcomes.stream().reduce(new Outcome(0, 0, 0, 0), (a, b) -> new Outcome(
                a.created() + b.created(), a.updated() + b.updated(), a.unchanged() + b.unchanged(),
                a.failed() + b.failed()));
        createdInAccount.addAndGet(total.created());
        long missed = awaitSearchable(account, plan, last, createdInAccount.get(), started);
        long searchable = System.nanoTime();
        StackCpu.Snapshot cpuAfter = StackCpu.take(stack.runDir());
        Optional<Map<String, Long>> fallbacksAfter = Fallbacks.between(fallbacksBefore, fallbacks.count());

        long contacts = (long) options.clients() * options.batches() * options.size();
        double seconds = (searchable - started) / 1e9;
        double perSecond = contacts / seconds;
        CpuPerOperation cpu = cpuAfter.perOperationSince(cpuBefore, contacts);
        Latencies latencies = Latencies.of(micros, answered - started);
        long fallbackCount = fallbacksAfter.map(byReason -> byReason.values().stream().mapToLong(Long::longValue)
                .sum()).orElse(-1L);
        Table table = Table.of("contacts", 9, "created", 8, "updated", 8, "unchngd", 8, "failed", 7, "batch p50", 9,
                "batch p99", 9, "answered", 9, "searchable", 10, "contacts/s", 10, "fallback", 8, "CPU µs", 7,
                "cmd", 6, "query", 6, "pg", 6, "kafka", 6, "es", 6, "nginx", 6);
        CpuPerOperation micro = cpu.times(1000);
        List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", contacts),
                String.valueOf(total.created()), String.valueOf(total.updated()), String.valueOf(total.unchanged()),
                String.valueOf(total.failed()), Table.millis(latencies.p50Millis()),
                Table.millis(latencies.p99Millis()), seconds(answered - started), seconds(searchable - started),
                Table.number(perSecond), fallbacksAfter.isPresent() ? String.valueOf(fallbackCount) : "-",
                micro.totalCell(0)));
        cells.addAll(micro.cells(0));
        out.print(table.header());
        out.print(table.add(cells));
        out.printf("%d of %d sampled contacts not found by the first search after their batch answered; load "
                + "average %s%n", missed, options.clients() * 3, Machine.loadAverage());

        List<String> failures = new ArrayList<>();
        if (total.failed() > 0) {
            failures.add(total.failed() + " items failed");
        }
        String method = String.format(Locale.ROOT, "`POST /api/v1/accounts/{id}/contacts/batch_upsert` into a fresh "
                        + "account of a stack storing %,d contacts: %d clients, each sending %d batches of %d "
                        + "contacts one after the other (after %d batches each not measured). Half of each batch "
                        + "new contacts (name, email, phone number, identifier, company, city, two custom attributes), "
                        + "half updates of the contacts the client's previous batch created (new name, city and plan), "
                        + "matched by email in even batches and by identifier in odd ones. *searchable*: from the "
                        + "first measured request until the last batch of every client answered and its contacts "
                        + "were found by search (`POST /contacts/filter`, email `equal_to`, with the updated name, "
                        + "for the first, middle and last item of each last batch) and `GET /contacts` counted every "
                        + "contact created; contacts/s over that time. A sampled contact that the first search "
                        + "after its batch answered did not find (the answer came before it was searchable) misses "
                        + "the bar, as a fallback does. *answered*: until the last batch answered. "
                        + "*fallback*: as in the write path. *CPU µs*: CPU time per contact summed over every "
                        + "process of the stack, then by process, measured as in the write path over the same "
                        + "time.", stored, options.clients(), options.batches(), options.size(),
                options.warmUpBatches());
        return new Section("Batch upsert until searchable", method, table,
                List.of(new Chart.StackedBars("batch-cpu.png", "CPU per contact of the batch upsert by process",
                        "µs of CPU per contact", micro.bars("batch upsert"))),
                List.of(target(perSecond, stored, total.failed(), fallbackCount, missed)), failures);
    }

    /**
     * The bar: missed as well with fewer than a million contacts stored, with a failed item, with a fallback (-1:
     * not counted) or with a sampled contact not searchable when its batch answered.
     */
    static Target target(double perSecond, long stored, long failed, long fallbacks, long missed) {
        boolean met = perSecond >= BAR && stored >= StoredContacts.BAR && failed == 0 && fallbacks == 0
                && missed == 0;
        String measured = Table.number(perSecond) + " contacts/s (" + StoredContacts.describe(stored)
                + (failed > 0 ? "; " + failed + " items failed" : "")
                + (fallbacks > 0 ? "; " + fallbacks + " answered from the read-your-writes fallback"
                : fallbacks < 0 ? "; fallbacks not counted" : "")
                + (missed > 0 ? "; " + missed + " sampled contacts not searchable when their batch answered" : "")
                + ")";
        return new Target("batch upsert at least 4,000 contacts/s until searchable, 1 M stored (batches of 500, 4 "
                + "clients)", measured, met);
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    /** Runs one task per client at once and waits for all; the first failure ends the benchmark. */
    private void clients(Client task) {
        ExecutorService threads = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < options.clients(); client++) {
                int c = client;
                running.add(threads.submit(() -> {
                    task.run(c);
                    return null;
                }));
            }
            Futures.awaitAll(running);
        } finally {
            threads.shutdownNow();
        }
    }

    private Outcome send(Account account, BatchPlan.Batch batch) throws IOException {
        HttpResponse<byte[]> response = api.send(account, "POST", "/contacts/batch_upsert", batch.json());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new BenchmarkException("POST /contacts/batch_upsert answered " + response.statusCode()
                    + (response.statusCode() == 404 ? " (does this build serve the batch upsert?)" : "") + ": "
                    + abbreviate(body));
        }
        JsonNode answer = mapper.readTree(body);
        JsonNode meta = answer.path("meta");
        Outcome outcome = new Outcome(meta.path("created").asLong(), meta.path("updated").asLong(),
                meta.path("unchanged").asLong(), meta.path("failed").asLong());
        if (outcome.failed() > 0) {
            for (JsonNode item : answer.path("payload")) {
                if (!item.path("status").asText().equals("created") && !item.path("status").asText()
                        .equals("updated") && !item.path("status").asText().equals("unchanged")) {
                    throw new BenchmarkException("a batch item failed: " + abbreviate(item.toString()));
                }
            }
        }
        if (outcome.created() + outcome.updated() + outcome.unchanged() != batch.size()) {
            throw new BenchmarkException("a batch of " + batch.size() + " answered " + meta);
        }
        return outcome;
    }

    /** What one search for a sample answered. */
    private enum Search { FOUND, NOT_YET, UNANSWERED }

    /**
     * Polls until every sample of the clients' last batches is found as written and the account counts them all; the
     * samples a search answered without (a batch answered before its contacts were searchable).
     */
    private long awaitSearchable(Account account, BatchPlan plan, List<BatchPlan.Batch> last, long created,
                                 long started) {
        long deadline = System.nanoTime() + SEARCHABLE_TIMEOUT.toNanos();
        List<Map.Entry<Integer, String>> samples = new ArrayList<>();
        for (BatchPlan.Batch batch : last) {
            List<Integer> items = new ArrayList<>(batch.updated());
            items.addAll(batch.created());
            for (int at : List.of(0, items.size() / 2, items.size() - 1)) {
                int contact = items.get(at);
                samples.add(Map.entry(contact, batch.updated().contains(contact) ? plan.updatedName(contact)
                        : ""));
            }
        }
        long missed = 0;
        for (Map.Entry<Integer, String> sample : samples) {
            String email = plan.bodies().email(sample.getKey());
            boolean first = true;
            Search search;
            while ((search = search(account, email, sample.getValue())) != Search.FOUND) {
                if (search == Search.NOT_YET && first) {
                    missed++;
                    first = false;
                }
                pause(deadline, "the contact " + email + " (" + seconds(System.nanoTime() - started) + " after the "
                        + "first batch)");
            }
        }
        while (api.listedContacts(account) < created) {
            pause(deadline, "GET /contacts counting " + created);
        }
        return missed;
    }

    /** Searches the contact by its email, and with {@code name} when one is given (a busy stack answers 503). */
    private Search search(Account account, String email, String name) {
        HttpResponse<byte[]> response = api.send(account, "POST", FILTER, LagBenchmark.byEmail(email));
        if (response.statusCode() != 200) {
            return Search.UNANSWERED;
        }
        JsonNode contacts;
        try {
            contacts = mapper.readTree(response.body()).path("payload");
        } catch (IOException e) {
            throw new BenchmarkException("POST " + FILTER + " answered no JSON", e);
        }
        return contacts.size() == 1 && (name.isEmpty() || contacts.get(0).path("name").asText().equals(name))
                ? Search.FOUND : Search.NOT_YET;
    }

    private static void pause(long deadline, String waitingFor) {
        if (System.nanoTime() > deadline) {
            throw new BenchmarkException(waitingFor + " is not searchable after " + SEARCHABLE_TIMEOUT.toSeconds()
                    + " s");
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
