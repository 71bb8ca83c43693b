package io.contacts.faults;

import io.contacts.faults.Api.Member;
import io.contacts.faults.Api.Reply;
import io.contacts.testsupport.TestInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A read load beside the write load: readers list, search and show the suite's contacts through the edge, and a
 * prober asks both services' health probes on their management ports. Every answer is kept for the bounds a freeze
 * asserts; any answer is acceptable here except a server error (500) or a client error other than a show's 404 (a
 * deleted contact).
 */
final class Reads {

    private final Api api;
    private final Member admin;
    private final Model model;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    final ConcurrentLinkedQueue<Load.Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Load.Sample> probes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    Reads(Api api, Member admin, Model model, int readers, long seed) {
        this.api = api;
        this.admin = admin;
        this.model = model;
        for (int r = 0; r < readers; r++) {
            Random random = new Random(seed + 1000 + r);
            threads.add(new Thread(() -> read(random), "fault-reader-" + r));
        }
        Map.of("command-service liveness", TestInfrastructure.commandManagementUrl() + "/actuator/health/liveness",
                "command-service readiness", TestInfrastructure.commandManagementUrl() + "/actuator/health/readiness",
                "query-service liveness", TestInfrastructure.queryManagementUrl() + "/actuator/health/liveness",
                "query-service readiness", TestInfrastructure.queryManagementUrl() + "/actuator/health/readiness")
                .forEach((name, url) -> threads.add(new Thread(() -> probe(name, url), "fault-probe " + name)));
    }

    Reads start() {
        threads.forEach(Thread::start);
        return this;
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
    }

    private void read(Random random) {
        while (running) {
            double r = random.nextDouble();
            List<Model.Contact> known = model.contacts.stream().filter(c -> c.id != null).toList();
            String op;
            String path;
            if (r < 0.35 || known.isEmpty()) {
                op = "list";
                path = admin.contacts() + "?page=" + (1 + random.nextInt(3));
            } else if (r < 0.7) {
                op = "search";
                path = admin.contacts() + "/search?q=Worker";
            } else {
                op = "show";
                path = admin.contacts() + "/" + known.get(random.nextInt(known.size())).id;
            }
            long start = System.nanoTime();
            Reply reply = api.call("GET", path, admin.token(), null);
            samples.add(new Load.Sample(start, System.nanoTime(), op, reply));
            boolean clientError = reply.status() >= 400 && reply.status() < 500
                    && !(op.equals("show") && reply.status() == 404);
            if (reply.status() == 500 || clientError) {
                problems.add("a " + op + " answered " + reply);
            }
            pause(100);
        }
    }

    /** One thread per probe: a frozen service's probe hangs without delaying the others. */
    private void probe(String name, String url) {
        while (running) {
            long start = System.nanoTime();
            Reply reply = api.callUrl("GET", url, null, null, Map.of());
            probes.add(new Load.Sample(start, System.nanoTime(), name, reply));
            pause(500);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);   // the load's pace, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
