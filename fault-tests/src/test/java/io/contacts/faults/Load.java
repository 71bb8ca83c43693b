package io.contacts.faults;

import io.contacts.faults.Api.Member;
import io.contacts.faults.Api.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A steady mixed write load through the edge (creates, updates, label changes, deletes) by a few workers. Every
 * write is retried, the same idempotent request, until its answer is definite: 2xx; for a delete also 404 (already
 * gone); for a create also 422 "Email has already been taken" (an earlier attempt created it, its id is looked up by
 * email), or 409 "Idempotency-Key already used" with {@code "outcome":"committed"} (an earlier attempt committed and
 * its answer was lost). A connection failure or a 5xx is never definite: the write may or may not have happened; nor
 * is a 503 that says the write is in doubt (cut off by a timeout, it may still commit). A create carries an
 * {@code Idempotency-Key}, the same on every retry, so that a retry answers the first attempt's outcome.
 */
final class Load {

    /** One answer to one write request, for latency and outage checks. */
    record Sample(long startNanos, long endNanos, String op, Reply reply) {
    }

    private static final long OP_DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(4);

    private final Api api;
    private final Member admin;
    private final Model model;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    final AtomicLong writes = new AtomicLong();          // logical writes (one per operation)
    final AtomicLong attempts = new AtomicLong();        // requests sent
    final AtomicLong acknowledged = new AtomicLong();    // writes that ended with a 2xx
    /** Requests without a definite answer, by write and status. */
    final Map<String, AtomicLong> failures = new TreeMap<>();
    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    Load(Api api, Member admin, Model model, int workerCount, long seed) {
        this.api = api;
        this.admin = admin;
        this.model = model;
        for (int w = 0; w < workerCount; w++) {
            Random random = new Random(seed + w);
            int worker = w;
            workers.add(new Thread(() -> work(worker, random), "fault-load-" + w));
        }
    }

    Load start() {
        workers.forEach(Thread::start);
        return this;
    }

    /** Stops taking new writes and waits until every worker's current write is decided. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(TimeUnit.NANOSECONDS.toMillis(OP_DEADLINE_NANOS) + 10_000);
            if (worker.isAlive()) {
                problems.add(worker.getName() + " did not finish its write");
            }
        }
    }

    /** Time of the first 2xx write answered after {@code nanos}, or -1. */
    long firstAcknowledgedAfter(long nanos) {
        return samples.stream().filter(s -> s.startNanos >= nanos && s.reply.ok()).mapToLong(Sample::endNanos)
                .min().orElse(-1);
    }

    String failureSummary() {
        synchronized (failures) {
            return failures.isEmpty() ? "-" : failures.entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("-");
        }
    }

    private void work(int worker, Random random) {
        List<Model.Contact> mine = new ArrayList<>();
        int counter = 0;
        try {
            while (running) {
                List<Model.Contact> live = mine.stream().filter(c -> !c.deleted && c.id != null).toList();
                double r = random.nextDouble();
                counter++;
                if (live.size() < 4 || r < 0.3) {
                    create(worker, counter, mine);
                } else if (r < 0.65) {
                    update(live.get(random.nextInt(live.size())), worker, counter, random);
                } else if (r < 0.9) {
                    labels(live.get(random.nextInt(live.size())), random);
                } else {
                    delete(live.get(random.nextInt(live.size())));
                }
            }
        } catch (RuntimeException | AssertionError e) {
            problems.add(Thread.currentThread().getName() + ": " + e.getMessage());
        }
    }

    private void create(int worker, int counter, List<Model.Contact> mine) {
        String email = "f" + worker + "-" + Api.unique() + "@faults.test";
        String name = "Worker " + worker + " contact " + counter;
        Map<String, Object> body = Map.of("name", name, "email", email,
                "custom_attributes", Map.of("origin", Model.ORIGIN), "additional_attributes", Map.of("city", "c0"));
        Map<String, String> key = Map.of("Idempotency-Key", "faults-" + UUID.randomUUID());
        Reply reply = definite("create", () -> api.call("POST", admin.contacts(), admin.token(), body, key),
                r -> r.status() == 422 && r.raw().contains("Email has already been taken")
                        // an in-doubt attempt that did commit, whose answer was never recorded
                        || r.status() == 409 && "committed".equals(r.body().path("outcome").asText()));
        Long id = reply.ok() ? reply.body().path("payload").path("contact").path("id").asLong() : null;
        Model.Contact contact = new Model.Contact(email, id, name, "c0");
        model.contacts.add(contact);
        if (id != null) {
            mine.add(contact);   // one whose id is unknown is never written again: it only has to exist
        }
    }

    private void update(Model.Contact contact, int worker, int counter, Random random) {
        String name = "Worker " + worker + " renamed " + counter;
        boolean blocked = random.nextBoolean();
        String step = "s" + counter;
        String city = "c" + counter;
        definite("update", () -> api.call("PATCH", admin.contacts() + "/" + contact.id, admin.token(),
                Map.of("name", name, "blocked", blocked, "custom_attributes", Map.of("step", step),
                        "additional_attributes", Map.of("city", city))), r -> false);
        contact.name = name;
        contact.blocked = blocked;
        contact.step = step;
        contact.city = city;
    }

    private void labels(Model.Contact contact, Random random) {
        List<String> all = List.of("vip", "beta", "churned", "lead", "partner");
        List<String> labels = all.stream().filter(l -> random.nextInt(3) == 0).toList();
        definite("labels", () -> api.call("POST", admin.contacts() + "/" + contact.id + "/labels", admin.token(),
                Map.of("labels", labels)), r -> false);
        contact.labels = labels.stream().sorted().toList();
    }

    private void delete(Model.Contact contact) {
        definite("delete", () -> api.call("DELETE", admin.contacts() + "/" + contact.id, admin.token(), null),
                r -> r.status() == 404);
        contact.deleted = true;
    }

    private Reply definite(String op, Supplier<Reply> request, Predicate<Reply> alsoDefinite) {
        writes.incrementAndGet();
        long begun = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            long start = System.nanoTime();
            Reply reply = request.get();
            attempts.incrementAndGet();
            samples.add(new Sample(start, System.nanoTime(), op, reply));
            if (reply.ok()) {
                acknowledged.incrementAndGet();
                return reply;
            }
            if (alsoDefinite.test(reply)) {
                return reply;
            }
            if (reply.status() != Api.NO_ANSWER && reply.status() < 500) {
                throw new AssertionError(op + " answered " + reply + ": a client error no write of this load"
                        + " should get");
            }
            synchronized (failures) {
                String key = op + " " + (reply.status() == Api.NO_ANSWER ? "no answer"
                        : reply.inDoubt() ? "503 in doubt" : reply.status());
                failures.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
            if (System.nanoTime() - begun > OP_DEADLINE_NANOS) {
                throw new AssertionError(op + " undecided after " + attempt + " attempts, last answer " + reply);
            }
            try {
                Thread.sleep(Math.min(1000, 100L * (attempt + 1)));   // back-off between retries, not a sync
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
