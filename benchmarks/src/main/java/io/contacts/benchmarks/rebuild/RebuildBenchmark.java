package io.contacts.benchmarks.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.benchmarks.Benchmark;
import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import io.contacts.benchmarks.edge.ContactsApi;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Table;
import io.contacts.benchmarks.report.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A projection rebuild from the event store, as an operator starts it ({@code POST
 * /platform/api/v1/projection/rebuilds}: the alias is switched, the old index deleted), polled until it ends.
 */
public final class RebuildBenchmark implements Benchmark {

    static final Duration POLL = Duration.ofMillis(500);
    static final double BAR = 10_000;
    static final Duration TIMEOUT = Duration.ofHours(1);

    private final ContactsApi api;

    public RebuildBenchmark(Stack stack) {
        this.api = new ContactsApi(stack.edgeUrl(), stack.platformToken());
    }

    @Override
    public Section run(PrintStream out) {
        out.printf("%nprojection rebuild of every contact of the stack%n");
        long started = System.nanoTime();
        JsonNode job = api.platform("POST", "/projection/rebuilds", "{}");
        String id = job.path("id").asText();
        String shown = "";
        while (!job.path("status").asText().equals("completed") && !job.path("status").asText().equals("failed")) {
            if (System.nanoTime() - started > TIMEOUT.toNanos()) {
                throw new BenchmarkException("the rebuild " + id + " is still " + job.path("status").asText()
                        + " after " + TIMEOUT.toMinutes() + " min: " + job);
            }
            sleep();
            job = api.platform("GET", "/projection/rebuilds/" + id, null);
            String progress = String.format(Locale.ROOT, "  rebuild %s: %s %s, %,d contacts", id,
                    job.path("status").asText(), job.path("step").asText(), job.path("contacts").asLong());
            if (!progress.equals(shown)) {
                out.println(progress);
                shown = progress;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!job.path("status").asText().equals("completed")) {
            throw new BenchmarkException("the rebuild failed: " + job);
        }
        long contacts = job.path("contacts").asLong();
        Table table = Table.of("contacts", 10, "events", 10, "caught up", 10, "new index", 32, "time", 9,
                "contacts/s", 11);
        table.add(String.format(Locale.ROOT, "%,d", contacts), String.format(Locale.ROOT, "%,d",
                        job.path("events").asLong()), String.format(Locale.ROOT, "%,d",
                        job.path("caught_up_events").asLong()), job.path("new_index").asText(),
                String.format(Locale.ROOT, "%.1f s", seconds), Table.number(contacts / seconds));
        out.print(table.text());
        return new Section("Projection rebuild", "`POST /platform/api/v1/projection/rebuilds` with `{}` (the alias is "
                + "switched to the new index and the old one deleted), polled every " + POLL.toMillis() + " ms "
                + "until `completed`: every contact of the stack read from the event store and indexed again, then "
                + "the Kafka records written meanwhile caught up. contacts/s from the POST until the poll that saw "
                + "it completed (the job's own figure: " + job.path("contacts_per_second").asLong() + ").", table,
                List.of(), List.of(target(contacts, seconds)), List.of());
    }

    static Target target(long contacts, double seconds) {
        return new Target("projection rebuild at least 10,000 contacts/s", Table.number(contacts / seconds)
                + " contacts/s (" + String.format(Locale.ROOT, "%,d", contacts) + " contacts)",
                contacts / seconds >= BAR);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }
}
