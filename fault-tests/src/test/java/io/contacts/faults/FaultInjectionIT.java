package io.contacts.faults;

import io.contacts.faults.Api.Member;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the running stack one part at a time under a steady mixed write load through the edge, and checks after
 * each fault that no acknowledged write was lost and that Elasticsearch, the state topic and the API converged to
 * the event store for every contact of the suite's account. {@code -Dfaults=full} runs the outage lengths
 * (Kafka 30 s, Elasticsearch 30 s, PostgreSQL 10 s); the default quick variant (CI) the same faults, shorter.
 */
class FaultInjectionIT {

    private static final boolean FULL = "full".equals(System.getProperty("faults", "quick"));
    private static final int WORKERS = FULL ? 4 : 3;
    /** Acknowledged writes the load makes before a fault and after the part is back. */
    private static final int WRITES_AROUND = FULL ? 60 : 15;
    private static final Duration CONVERGENCE_DEADLINE = Duration.ofMinutes(3);
    /** Writes while PostgreSQL is down must fail within this (Hikari's connection timeout is 2 s). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    /** Runs only the scenarios whose name contains one of these (comma-separated), e.g. {@code -Dfaults.only=Kafka}. */
    private static final String ONLY = System.getProperty("faults.only", "");
    private static final Stack STACK = new Stack();
    private final Api api = new Api();
    private final Model model = new Model();
    private final List<Row> rows = new ArrayList<>();
    /** A write sent by the test itself once PostgreSQL is down (to no contact: it changes nothing). */
    private Api.Reply probe;

    record Row(String fault, long writes, long attempts, long acknowledged, String failures, long maxMillis, int lost,
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
        }
        if (fault.contains("PostgreSQL")) {
            problems.addAll(failFastDuringOutage(load, outageBegun, down, restartBegun));
            if (probe.status() != 503 || probe.error().isBlank() || probe.millis() >= FAIL_FAST.toMillis()) {
                problems.add("a write while PostgreSQL was down answered " + probe
                        + ", not 503 with a JSON error within "
                        + FAIL_FAST.toSeconds() + " s");
            }
        }
        problems.addAll(load.problems);

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
        Row row = new Row(fault + (outage.isZero() ? "" : " " + outage.toSeconds() + " s"), load.writes.get(),
                load.attempts.get(), load.acknowledged.get(), load.failureSummary(), maxMillis, report.lost().size(),
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
                "%n| fault | writes | requests | 2xx | failed requests by write and status | slowest (ms) | lost | divergent"
                        + " | contacts checked | restart (s) | first 2xx after restart (s)"
                        + " | converged after restart (s) |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|%n"));
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %s | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n",
                    r.fault(), r.writes(), r.attempts(), r.acknowledged(), r.failures(), r.maxMillis(), r.lost(),
                    r.divergent(), r.contacts(), r.restartSeconds(), r.firstWriteSeconds(), r.convergedSeconds()));
        }
        System.out.println(table);
    }
}
