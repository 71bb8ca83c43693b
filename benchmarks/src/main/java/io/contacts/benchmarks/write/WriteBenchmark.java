package io.contacts.benchmarks.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.edge.Refusals;
import io.contacts.benchmarks.load.Latencies;
import io.contacts.benchmarks.load.LoadLoop;
import io.contacts.benchmarks.load.Measurement;
import io.contacts.benchmarks.report.Chart;
import io.contacts.benchmarks.report.Machine;
import io.contacts.benchmarks.report.ProcessCpu;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;

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
 * account: writes/s, latency percentiles and refusals, plus the writes completed in each second for the chart.
 */
public final class WriteBenchmark implements Benchmark {

    /** More refusals than this in the whole run fail it. */
    static final long MAX_REFUSALS = 5;
    private static final int STACK_WARM_UP_CONCURRENCY = 16;

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
        Table table = Table.of("shape", 24, "c", 3, "writes/s", 9, "p50", 9, "p95", 9, "p99", 9, "max", 9, "n", 7,
                "refused", 7, "cmd CPU/op", 10, "pg CPU/op", 10);
        Optional<ProcessCpu> commandCpu = ProcessCpu.of(stack.runDir(), "command-service");
        Optional<ProcessCpu> postgresCpu = ProcessCpu.of(stack.runDir(), "pg");
        out.print(table.header());
        List<Chart.Bar> bars = new ArrayList<>();
        List<Chart.Series> timeline = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        double maxCreates = 0;
        double maxWrites = 0;
        long refused = 0;
        double[] p99AtEight = new double[WriteShape.values().length];
        for (int concurrency : options.concurrencies()) {
            for (WriteShape shape : WriteShape.values()) {
                Refusals refusals = new Refusals();
                LoadLoop.warmUp(concurrency, options.warmUp(), i -> write(account, shape, bodies, i, serial, created,
                        refusals));
                Duration commandBefore = commandCpu.map(ProcessCpu::used).orElse(Duration.ZERO);
                Duration postgresBefore = postgresCpu.map(ProcessCpu::used).orElse(Duration.ZERO);
                Measurement measured = LoadLoop.run(concurrency, Duration.ZERO, options.perMeasurement(),
                        i -> write(account, shape, bodies, i, serial, created, refusals));
                Latencies latencies = measured.latencies();
                String commandPerOp = cpuPerWrite(commandCpu, commandBefore, latencies.count());
                String postgresPerOp = cpuPerWrite(postgresCpu, postgresBefore, latencies.count());
                String name = shape.name().toLowerCase(Locale.ROOT) + " c=" + concurrency;
                out.print(table.add(shape.label(), String.valueOf(concurrency), Table.number(latencies.perSecond()),
                        Table.millis(latencies.p50Millis()), Table.millis(latencies.p95Millis()),
                        Table.millis(latencies.p99Millis()), Table.millis(latencies.maxMillis()),
                        String.valueOf(latencies.count()), String.valueOf(refusals.count()), commandPerOp,
                        postgresPerOp));
                if (refusals.first() != null) {
                    out.println("  first refusal: " + refusals.first());
                }
                bars.add(new Chart.Bar(name, "p50", latencies.p50Millis()));
                bars.add(new Chart.Bar(name, "p95", latencies.p95Millis()));
                bars.add(new Chart.Bar(name, "p99", latencies.p99Millis()));
                timeline.add(new Chart.Series(name, measured.perSecond()));
                refused += refusals.count();
                maxWrites = Math.max(maxWrites, latencies.perSecond());
                if (shape != WriteShape.UPDATE) {
                    maxCreates = Math.max(maxCreates, latencies.perSecond());
                }
                if (concurrency == 8) {
                    p99AtEight[shape.ordinal()] = latencies.p99Millis();
                }
            }
        }
        new MaxWriteRate(stack.runDir()).save(maxCreates);
        out.printf("highest create rate %.1f/s (kept in %s for run.sh lag); load average %s%n", maxCreates,
                new MaxWriteRate(stack.runDir()).file(), Machine.loadAverage());
        if (refused > MAX_REFUSALS) {
            failures.add(refused + " writes were refused (more than " + MAX_REFUSALS + ")");
        }
        List<Target> targets = new ArrayList<>();
        if (options.concurrencies().contains(8)) {
            double worst = Math.max(p99AtEight[WriteShape.CREATE.ordinal()], p99AtEight[WriteShape.UPDATE.ordinal()]);
            targets.add(new Target("write p99 under 50 ms at concurrency 8", "create "
                    + Table.millis(p99AtEight[WriteShape.CREATE.ordinal()]) + ", update "
                    + Table.millis(p99AtEight[WriteShape.UPDATE.ordinal()]), worst < 50));
        }
        targets.add(new Target("at least 1,000 contact writes/s sustained", Table.number(maxWrites)
                + " writes/s at best", maxWrites >= 1000));
        String method = String.format(Locale.ROOT, "A fresh account; for each concurrency (%s), creates "
                        + "(`POST /api/v1/accounts/{id}/contacts` with name, email, phone number, identifier, company, "
                        + "city and two custom attributes, unique per run), the same creates each with its own `Idempotency-Key` "
                        + "(a UUID), and then updates of the contacts created "
                        + "so far (`PATCH` and `PUT /contacts/{id}` alternately: name, city, plan), each a closed loop "
                        + "of C threads for %d s after a %d s warm-up (before all of them, %d s of creates and "
                        + "updates at concurrency %d, not recorded, so that the services run compiled code). Latency from the request to the whole 2xx "
                        + "answer (which includes the read-your-writes wait: the contact is searchable when it "
                        + "answers); any other status is counted as refused. CPU/op: CPU time (user + system, "
                        + "from /proc) of the command-service and of PostgreSQL (all its processes) during the "
                        + "measurement, divided by the writes measured.",
                options.concurrencies(), options.perMeasurement().toSeconds(), options.warmUp().toSeconds(),
                options.stackWarmUp().toSeconds(), STACK_WARM_UP_CONCURRENCY);
        return new Section("Write path", method, table,
                List.of(new Chart.Bars("write-latency.png", "Write latency by shape and concurrency", "ms", bars),
                        new Chart.Lines("write-throughput.png", "Writes completed per second", "writes/s",
                                timeline)),
                targets, failures);
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

    /** CPU per measured write, in microseconds, or "-" when the process is not known. */
    private static String cpuPerWrite(Optional<ProcessCpu> process, Duration before, long writes) {
        if (process.isEmpty() || writes == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%d µs", process.get().used().minus(before).toNanos() / 1000 / writes);
    }
}
