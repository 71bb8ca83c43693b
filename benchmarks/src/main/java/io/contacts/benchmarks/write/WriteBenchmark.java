package io.contacts.benchmarks.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.Fallbacks;
import io.contacts.benchmarks.edge.Refusals;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.load.LoadLoop;
import io.contacts.benchmarks.load.Measurement;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.StackCpu;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates and updates through the edge at each concurrency, a closed loop per shape and concurrency, into a fresh
 * account: writes/s, latency percentiles, refusals, writes answered from the read-your-writes fallback and the CPU
 * each process of the stack used per write, plus the writes completed in each second for the chart.
 */
public final class WriteBenchmark implements Benchmark {

    /** More refusals than this in the whole run fail it. */
    static final long MAX_REFUSALS = 5;
    private static final int STACK_WARM_UP_CONCURRENCY = 16;
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Stack stack;
    private final WriteOptions options;
    private final ContactsApi api;
    private final ObjectMapper mapper = new ObjectMapper();

    public WriteBenchmark(Stack stack, WriteOptions options) {
        this.stack = stack;
        this.options = options;
        this.api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
    }

    @Override
    public Section run(PrintStream out) {
        int run = WriteBodies.runFromClock();
        WriteBodies bodies = new WriteBodies(1, run);
        Account account = api.newAdministratorAccount("write-bench-" + run);
        List<Long> created = new ArrayList<>();
        // each loop numbers its requests from 0: the contacts are numbered across the run, so each is new
        AtomicInteger serial = new AtomicInteger();
        out.printf("%nwrite path: account %d through %s; the stack warms up for %d s, then %d s per measurement "
                        + "after a %d s warm-up; load average %s%n", account.id(), stack.edgeUrl(),
                options.stackWarmUp().toSeconds(), options.perMeasurement().toSeconds(), options.warmUp().toSeconds(),
                Machine.loadAverage());
        Duration half = options.stackWarmUp().dividedBy(2);
        for (WriteShape shape : WriteShape.values()) {
            Refusals ignored = new Refusals();
            LoadLoop.warmUp(STACK_WARM_UP_CONCURRENCY, half, i -> write(account, shape, bodies, i, serial, created,
                    ignored));
        }
        CpuPerOperation idle = idle();
        out.printf("the stack idle for %d s: %s ms of CPU per second (%s)%n", IDLE.toSeconds(), idle.totalCell(0),
                describe(idle));
        Table table = Table.of("shape", 23, "c", 3, "writes/s", 8, "p50", 8, "p95", 8, "p99", 8, "max", 8, "n", 6,
                "refused", 7, "fallback", 8, "CPU ms", 7, "cmd", 6, "query", 6, "pg", 6, "kafka", 6, "es", 6,
                "nginx", 6);
        Fallbacks fallbacks = new Fallbacks(stack.commandManagementUrl());
        out.print(table.header());
        List<WriteLoop> loops = new ArrayList<>();
        List<Chart.Series> timeline = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        double maxCreates = 0;
        long refused = 0;
        for (int concurrency : options.concurrencies()) {
            for (WriteShape shape : WriteShape.values()) {
                Refusals refusals = new Refusals();
                LoadLoop.warmUp(concurrency, options.warmUp(), i -> write(account, shape, bodies, i, serial, created,
                        refusals));
                long refusedWarmingUp = refusals.count();
                Optional<Map<String, Long>> fallbacksBefore = fallbacks.count();
                StackCpu.Snapshot cpuBefore = StackCpu.take(stack.runDir());
                Measurement measured = LoadLoop.run(concurrency, Duration.ZERO, options.perMeasurement(),
                        i -> write(account, shape, bodies, i, serial, created, refusals));
                StackCpu.Snapshot cpuAfter = StackCpu.take(stack.runDir());
                Latencies latencies = measured.latencies();
                WriteLoop loop = new WriteLoop(shape, concurrency, latencies,
                        cpuAfter.perOperationSince(cpuBefore, latencies.count()), refusals.count() - refusedWarmingUp,
                        Fallbacks.between(fallbacksBefore, fallbacks.count()));
                loops.add(loop);
                List<String> cells = new ArrayList<>(List.of(shape.label(), String.valueOf(concurrency),
                        Table.number(latencies.perSecond()), Table.millis(latencies.p50Millis()),
                        Table.millis(latencies.p95Millis()), Table.millis(latencies.p99Millis()),
                        Table.millis(latencies.maxMillis()), String.valueOf(latencies.count()),
                        String.valueOf(loop.refused()), loop.fallbackCell(), loop.cpu().totalCell()));
                cells.addAll(loop.cpu().cells());
                out.print(table.add(cells));
                if (refusals.first() != null) {
                    out.println("  first refusal: " + refusals.first());
                }
                if (loop.fallbackCount() > 0) {
                    out.println("  answered from the read-your-writes fallback: " + loop.fallbacks().orElseThrow());
                }
                timeline.add(new Chart.Series(shape.name().toLowerCase(Locale.ROOT) + " c=" + concurrency,
                        measured.perSecond()));
                refused += refusals.count();
                if (shape != WriteShape.UPDATE) {
                    maxCreates = Math.max(maxCreates, latencies.perSecond());
                }
            }
        }
        new MaxWriteRate(stack.runDir()).save(maxCreates);
        out.printf("highest create rate %.1f/s (kept in %s for run.sh lag); load average %s%n", maxCreates,
                new MaxWriteRate(stack.runDir()).file(), Machine.loadAverage());
        if (loops.stream().anyMatch(loop -> loop.fallbacks().isEmpty())) {
            out.println("fallbacks not counted: " + stack.commandManagementUrl() + "/actuator/prometheus has no "
                    + "contacts_read_your_writes_fallbacks_total (a command-service without the counter?)");
        }
        if (refused > MAX_REFUSALS) {
            failures.add(refused + " writes were refused (more than " + MAX_REFUSALS + ")");
        }
        String method = String.format(Locale.ROOT, "A fresh account; for each concurrency (%s), creates "
                        + "(`POST /api/v1/accounts/{id}/contacts` with name, email, phone number, identifier, company, "
                        + "city and two custom attributes, unique per run), the same creates each with its own "
                        + "`Idempotency-Key` (a UUID), and then updates of the contacts created so far (`PATCH` and "
                        + "`PUT /contacts/{id}` alternately: name, city, plan), each a closed loop of C threads for "
                        + "%d s after a %d s warm-up (before all of them, %d s of creates and updates at concurrency "
                        + "%d, not recorded, so that the services run compiled code). Latency from the request to the "
                        + "whole 2xx answer (which includes the read-your-writes wait: the contact is searchable when "
                        + "it answers); any other status is counted as refused. *fallback*: writes the command-service "
                        + "answered from its read-your-writes fallback (the wait ran out, failed or was full: "
                        + "committed but not yet searchable), the difference of its counter "
                        + "`contacts.read.your.writes.fallbacks` before and after the loop; they count as failures "
                        + "(a bar whose loop has any is missed). *CPU ms*: CPU time per measured write summed over "
                        + "every process of the stack, then by process (command-service, query-service, PostgreSQL, "
                        + "Kafka, Elasticsearch, nginx): user + system time from /proc of each part's process tree, "
                        + "with the children it reaped (PostgreSQL's backends, nginx's workers), taken right before "
                        + "and after the measured loop and divided by the writes it measured; it includes what the "
                        + "stack does in the background meanwhile (*: a part was not running): idle for %d s after "
                        + "the warm-up, the stack used %s ms of CPU per second (%s).",
                options.concurrencies(), options.perMeasurement().toSeconds(), options.warmUp().toSeconds(),
                options.stackWarmUp().toSeconds(), STACK_WARM_UP_CONCURRENCY, IDLE.toSeconds(), idle.totalCell(0),
                describe(idle));
        return new Section("Write path", method, table, charts(loops, timeline), WriteBars.check(loops), failures);
    }

    /** CPU per second of each part while nothing is sent: the background share of the CPU per write. */
    private CpuPerOperation idle() {
        StackCpu.Snapshot before = StackCpu.take(stack.runDir());
        try {
            Thread.sleep(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
        return StackCpu.take(stack.runDir()).perOperationSince(before, IDLE.toSeconds());
    }

    private static String describe(CpuPerOperation cpu) {
        return String.join(", ", cpu.millis().entrySet().stream().map(part -> part.getKey() + " "
                + Math.round(part.getValue())).toList());
    }

    /** Throughput, p50 and p99 by concurrency; CPU per write by process; writes completed in each second. */
    private static List<Chart> charts(List<WriteLoop> loops, List<Chart.Series> timeline) {
        List<Chart.Bar> throughput = new ArrayList<>();
        List<Chart.Bar> latency = new ArrayList<>();
        List<Chart.Bar> cpu = new ArrayList<>();
        for (WriteLoop loop : loops) {
            String concurrency = "c=" + loop.concurrency();
            String shape = loop.shape().label();
            throughput.add(new Chart.Bar(concurrency, shape, loop.latencies().perSecond()));
            latency.add(new Chart.Bar(concurrency, shape + " p50", loop.latencies().p50Millis()));
            latency.add(new Chart.Bar(concurrency, shape + " p99", loop.latencies().p99Millis()));
            cpu.addAll(loop.cpu().bars(loop.shape().name().toLowerCase(Locale.ROOT) + " " + concurrency));
        }
        return List.of(new Chart.Bars("write-throughput.png", "Writes per second by concurrency", "writes/s",
                        throughput),
                new Chart.Bars("write-latency.png", "Write latency p50 and p99 by concurrency", "ms", latency),
                new Chart.StackedBars("write-cpu.png", "CPU per write by process", "ms of CPU per write", cpu),
                new Chart.Lines("write-timeline.png", "Writes completed per second", "writes/s", timeline));
    }

    private void write(Account account, WriteShape shape, WriteBodies bodies, int i, AtomicInteger serial,
                       List<Long> created, Refusals refusals) throws Exception {
        String method;
        String path;
        String body;
        Map<String, String> headers = Map.of();
        if (shape != WriteShape.UPDATE) {
            method = "POST";
            path = "/contacts";
            body = bodies.create(serial.getAndIncrement());
            if (shape == WriteShape.KEYED_CREATE) {
                headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            }
        } else {
            long id;
            synchronized (created) {
                if (created.isEmpty()) {
                    throw new BenchmarkException("no contact to update: every create was refused");
                }
                id = created.get(i % created.size());
            }
            method = i % 2 == 0 ? "PATCH" : "PUT";
            path = "/contacts/" + id;
            body = bodies.update(i);
        }
        HttpResponse<byte[]> response = api.send(account, method, path, body, headers);
        if (response.statusCode() / 100 != 2) {
            refusals.add(method, path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } else if (shape != WriteShape.UPDATE) {
            JsonNode contact = mapper.readTree(response.body()).path("payload").path("contact");
            synchronized (created) {
                created.add(contact.path("id").asLong());
            }
        }
    }
}
