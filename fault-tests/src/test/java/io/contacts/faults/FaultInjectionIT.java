package io.contacts.faults;

import io.contacts.faults.Api.Member;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the running stack one part at a time under a steady mixed write load and a read load through the edge, and
 * checks after each fault that no acknowledged write was lost and that Elasticsearch, the state topic and the API
 * converged to the event store for every contact of the suite's account. A freeze (SIGSTOP, then SIGCONT) also checks
 * the bounds by request class while the part hangs: reads, writes, and the health probes of the services not frozen.
 * {@code -Dfaults=full} runs the outage lengths (Kafka 30 s, Elasticsearch 30 s, PostgreSQL 10 s, freezes
 * 20 s); the default quick variant (CI) the same faults, shorter.
 */
class FaultInjectionIT {

    private static final boolean FULL = "full".equals(System.getProperty("faults", "quick"));
    private static final int WORKERS = FULL ? 4 : 3;
    /** Acknowledged writes the load makes before a fault and after the part is back. */
    private static final int WRITES_AROUND = FULL ? 60 : 15;
    private static final Duration CONVERGENCE_DEADLINE = Duration.ofMinutes(3);
    /** Writes while PostgreSQL is down must fail within this (Hikari's connection timeout is 2 s). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);
    private static final int READERS = 2;
    /** The bounds by request class (README, Guarantees), and the edge's own timeouts for a frozen service. */
    private static final Duration READ_BOUND = Duration.ofSeconds(3);
    private static final Duration EDGE_READ_TIMEOUT = Duration.ofMillis(3500);
    private static final Duration WRITE_BOUND = Duration.ofSeconds(6);
    private static final Duration EDGE_WRITE_TIMEOUT = Duration.ofMillis(6500);
    private static final Duration HEALTH_BOUND = Duration.ofSeconds(1);
    /** What the test machine's scheduling may add to an answer measured by the client (2 shared cores). */
    private static final Duration SLACK = Duration.ofMillis(500);

    /** Runs only the scenarios whose name contains one of these (comma-separated), e.g. {@code -Dfaults.only=Kafka}. */
    private static final String ONLY = System.getProperty("faults.only", "");
    private static final Stack STACK = new Stack();
    private final Api api = new Api();
    private final Model model = new Model();
    private final List<Row> rows = new ArrayList<>();
    /** A write sent by the test itself once PostgreSQL is down (to no contact: it changes nothing). */
    private Api.Reply probe;

    record Row(String fault, long writes, long attempts, long acknowledged, String failures, long maxMillis,
               long reads, long maxReadMillis, int lost,
               int divergent, int contacts, double restartSeconds, double firstWriteSeconds,
               double convergedSeconds, List<String> problems) {
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @AfterAll
    static void leaveTheStackRunning() {
        STACK.repair();
    }

    @Test
    void noAcknowledgedWriteIsLostAndEveryCopyConvergesAfterEachFault() throws Exception {
        STACK.requireNative();
        Member admin = api.newAdministrator();
        Convergence convergence = new Convergence(api, admin);
        long seed = System.nanoTime();
        System.out.printf("fault injection: %s variant, %d workers, seed %d, account %d%n",
                FULL ? "full" : "quick", WORKERS, seed, admin.accountId());

        Rebuild rebuild = new Rebuild(api);
        scenario("projection rebuild", admin, convergence, seed, rebuild::start, Duration.ZERO,
                rebuild::awaitCompleted);
        scenario("kill -9 query-service", admin, convergence, seed + 100, () -> STACK.kill("query-service"),
                Duration.ZERO, STACK::up);
        scenario("kill -9 command-service", admin, convergence, seed + 200, () -> STACK.kill("command-service"),
                Duration.ZERO, STACK::up);
        scenario("stop Kafka", admin, convergence, seed + 300, () -> STACK.stop("kafka"), outage(30, 5), STACK::up);
        scenario("stop Elasticsearch", admin, convergence, seed + 400, () -> STACK.stop("es"), outage(30, 5),
                STACK::up);
        scenario("kill PostgreSQL", admin, convergence, seed + 500, () -> {
            STACK.kill("pg");
            probe = api.call("PATCH", admin.contacts() + "/0", admin.token(), Map.of("name", "probe"));
        }, outage(10, 5), STACK::up);
        List<String> frozen = List.of("es", "kafka", "pg", "query-service", "command-service");
        for (int i = 0; i < frozen.size(); i++) {
            String part = frozen.get(i);
            scenario("freeze " + part, admin, convergence, seed + 600 + 100L * i, () -> STACK.freeze(part),
                    outage(20, 8), () -> STACK.thaw(part));
        }

        printTable();
        theCheckCatchesALostWriteAndADivergentDocument(convergence);
        for (Row row : rows) {
            assertThat(row.problems()).as(row.fault() + ": problems").isEmpty();
            assertThat(row.lost()).as(row.fault() + ": acknowledged writes lost").isZero();
            assertThat(row.divergent()).as(row.fault() + ": copies differing from the event store").isZero();
            assertThat(row.acknowledged()).as(row.fault() + ": writes acknowledged").isPositive();
        }
        assertThat(rows).as("scenarios run (-Dfaults.only=" + ONLY + ")").isNotEmpty();
    }

    /** The check itself can fail: a phantom acknowledged create is lost, an edited document is divergent. */
    private void theCheckCatchesALostWriteAndADivergentDocument(Convergence convergence) {
        Model.Contact live = model.contacts.stream().filter(c -> !c.deleted && c.id != null).findFirst().orElseThrow();
        Model.Contact phantom = new Model.Contact("phantom-" + Api.unique() + "@faults.test", null, "Phantom", "c0");
        List<Model.Contact> contacts = new ArrayList<>(model.contacts);
        contacts.add(phantom);
        try (Tampering edited = Tampering.renameInElasticsearch(live.id)) {
            Convergence.Report report = convergence.check(contacts);
            assertThat(report.lost()).singleElement().asString().contains(phantom.email);
            assertThat(report.divergent()).singleElement().asString()
                    .startsWith("contact " + live.id + " Elasticsearch").contains("name=tampered");
        }
        assertThat(convergence.check(List.copyOf(model.contacts)).divergent()).as("after the repair").isEmpty();
    }

    private static Duration outage(int fullSeconds, int quickSeconds) {
        return Duration.ofSeconds(FULL ? fullSeconds : quickSeconds);
    }

    /** Load before, during and after: {@code inject}, the outage's length, then {@code restore} (the restart). */
    private void scenario(String fault, Member admin, Convergence convergence, long seed, Step inject,
                          Duration outage, Step restore) throws Exception {
        if (!ONLY.isBlank() && Arrays.stream(ONLY.split(",")).noneMatch(fault::contains)) {
            return;
        }
        System.out.printf("fault injection: %s ...%n", fault);
        Load load = new Load(api, admin, model, WORKERS, seed).start();
        Reads reads = new Reads(api, admin, model, READERS, seed).start();
        List<String> problems = new ArrayList<>();
        long restartBegun;
        long restarted;
        long outageBegun;
        long down;
        try {
            awaitAcknowledged(load, WRITES_AROUND, "before the fault");
            outageBegun = System.nanoTime();
            inject.run();
            down = System.nanoTime();
            Thread.sleep(outage.toMillis());   // the fault's length, not a synchronisation
            restartBegun = System.nanoTime();
            restore.run();
            restarted = System.nanoTime();
            long before = load.acknowledged.get();
            awaitAcknowledged(load, before + WRITES_AROUND, "after the restart");
        } finally {
            load.stop();
            reads.stop();
        }
        if (fault.contains("PostgreSQL")) {
            problems.addAll(failFastDuringOutage(load, outageBegun, down, restartBegun));
            if (probe.status() != 503 || probe.error().isBlank() || probe.millis() >= FAIL_FAST.toMillis()) {
                problems.add("a write while PostgreSQL was down answered " + probe
                        + ", not 503 with a JSON error within "
                        + FAIL_FAST.toSeconds() + " s");
            }
        }
        if (fault.startsWith("freeze ")) {
            problems.addAll(boundsWhileFrozen(fault.substring("freeze ".length()), load, reads, down, restartBegun));
        }
        problems.addAll(load.problems);
        problems.addAll(reads.problems);

        Convergence.Report[] last = new Convergence.Report[1];
        List<Model.Contact> contacts = List.copyOf(model.contacts);
        try {
            await().atMost(CONVERGENCE_DEADLINE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last[0] = convergence.check(contacts);
                return last[0].converged();
            });
        } catch (ConditionTimeoutException e) {
            problems.add("not converged " + CONVERGENCE_DEADLINE.toSeconds() + " s after the load stopped");
        }
        long converged = System.nanoTime();
        Convergence.Report report = last[0];
        long firstWrite = load.firstAcknowledgedAfter(restartBegun);
        long maxMillis = load.samples.stream().mapToLong(s -> s.reply().millis()).max().orElse(0);
        long maxReadMillis = reads.samples.stream().mapToLong(s -> s.reply().millis()).max().orElse(0);
        Row row = new Row(fault + (outage.isZero() ? "" : " " + outage.toSeconds() + " s"), load.writes.get(),
                load.attempts.get(), load.acknowledged.get(), load.failureSummary(), maxMillis, reads.samples.size(),
                maxReadMillis, report.lost().size(),
                report.divergent().size(), report.contacts(), seconds(restarted - restartBegun),
                firstWrite < 0 ? -1 : seconds(firstWrite - restartBegun),
                seconds(converged - restartBegun), problems);
        report.lost().stream().limit(10).forEach(l -> System.out.println("  LOST " + l));
        report.divergent().stream().limit(10).forEach(d -> System.out.println("  DIVERGENT " + d));
        problems.forEach(p -> System.out.println("  PROBLEM " + p));
        rows.add(row);
    }

    /**
     * Every write of the load sent from the crash until the restart began is answered within {@link #FAIL_FAST};
     * those sent once PostgreSQL was down and answered before the restart began are 503 with a JSON error.
     */
    private static List<String> failFastDuringOutage(Load load, long crashBegun, long down, long restartBegun) {
        List<String> problems = new ArrayList<>();
        List<Load.Sample> sent = load.samples.stream()
                .filter(s -> s.startNanos() >= crashBegun && s.startNanos() < restartBegun).toList();
        List<Load.Sample> refused = sent.stream()
                .filter(s -> s.startNanos() >= down && s.endNanos() <= restartBegun).toList();
        for (Load.Sample s : sent) {
            if (s.reply().millis() >= FAIL_FAST.toMillis()) {
                problems.add("a " + s.op() + " during the PostgreSQL outage took " + s.reply().millis() + " ms");
            }
        }
        for (Load.Sample s : refused) {
            if (s.reply().status() != 503 || s.reply().error().isBlank()) {
                problems.add("a " + s.op() + " during the PostgreSQL outage answered " + s.reply()
                        + ", not 503 with a JSON error");
            }
        }
        System.out.printf("  %d writes sent while PostgreSQL was down, %d answered before the restart, slowest %d ms%n",
                sent.size(), refused.size(), sent.stream().mapToLong(s -> s.reply().millis()).max().orElse(0));
        return problems;
    }

    /**
     * Sent while {@code part} was frozen: every read within the read bound (the edge's timeout when the query-service
     * itself is frozen, what its client then sees), every write within the read-your-writes wait + 1 s (the edge's
     * timeout when the command-service itself is frozen; a frozen PostgreSQL fails a write by its request timeout,
     * "nothing written" or "in doubt"), each health probe of a service not
     * frozen within 1 s; all with {@link #SLACK}. A frozen service's own probes cannot answer: not asserted.
     */
    private static List<String> boundsWhileFrozen(String part, Load load, Reads reads, long frozen, long thawed) {
        Duration readBound = part.equals("query-service") ? EDGE_READ_TIMEOUT : READ_BOUND;
        Duration writeBound = part.equals("command-service") ? EDGE_WRITE_TIMEOUT : WRITE_BOUND;
        List<String> problems = new ArrayList<>();
        problems.addAll(slowerThan(reads.samples, frozen, thawed, readBound, "a read"));
        problems.addAll(slowerThan(load.samples, frozen, thawed, writeBound, "a write"));
        problems.addAll(slowerThan(reads.probes.stream().filter(p -> !p.op().startsWith(part + " ")).toList(),
                frozen, thawed, HEALTH_BOUND, "a health probe"));
        reads.probes.stream().filter(p -> p.startNanos() >= frozen && p.startNanos() < thawed
                        && !p.op().startsWith(part + " ") && p.reply().status() != 200)
                .forEach(p -> problems.add("the " + p.op() + " probe answered " + p.reply() + " while " + part
                        + " was frozen"));
        System.out.printf("  while %s was frozen: %d reads (slowest %d ms), %d writes (slowest %d ms), %d probes%n",
                part, during(reads.samples, frozen, thawed).size(), slowest(during(reads.samples, frozen, thawed)),
                during(load.samples, frozen, thawed).size(), slowest(during(load.samples, frozen, thawed)),
                during(reads.probes, frozen, thawed).size());
        return problems;
    }

    private static List<String> slowerThan(Collection<Load.Sample> samples, long from, long until, Duration bound,
                                           String what) {
        long limit = bound.plus(SLACK).toMillis();
        return during(samples, from, until).stream().filter(s -> s.reply().millis() > limit)
                .map(s -> what + " (" + s.op() + ") took " + s.reply().millis() + " ms, over " + bound.toMillis()
                        + " ms + " + SLACK.toMillis() + " ms: " + s.reply())
                .toList();
    }

    private static List<Load.Sample> during(Collection<Load.Sample> samples, long from, long until) {
        return samples.stream().filter(s -> s.startNanos() >= from && s.startNanos() < until).toList();
    }

    private static long slowest(List<Load.Sample> samples) {
        return samples.stream().mapToLong(s -> s.reply().millis()).max().orElse(0);
    }

    private static void awaitAcknowledged(Load load, long count, String when) {
        await(when).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> load.acknowledged.get() >= count || !load.problems.isEmpty());
        assertThat(load.problems).as("load problems " + when).isEmpty();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void printTable() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| fault | writes | requests | 2xx | failed requests by write and status | slowest (ms) | reads"
                        + " | slowest read (ms) | lost | divergent | contacts checked | restart (s)"
                        + " | first 2xx after restart (s) | converged after restart (s) |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n"));
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n",
                    r.fault(), r.writes(), r.attempts(), r.acknowledged(), r.failures(), r.maxMillis(), r.reads(),
                    r.maxReadMillis(), r.lost(),
                    r.divergent(), r.contacts(), r.restartSeconds(), r.firstWriteSeconds(), r.convergedSeconds()));
        }
        System.out.println(table);
    }
}
