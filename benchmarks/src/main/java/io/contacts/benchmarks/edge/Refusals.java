package io.contacts.benchmarks.edge;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Answers other than 2xx during one measurement: how many, and the first one to show. */
public final class Refusals {

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>();

    public void add(String method, String path, int status, String body) {
        count.incrementAndGet();
        first.compareAndSet(null, method + " " + path + " answered " + status + ": "
                + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
    }

    public long count() {
        return count.get();
    }

    public String first() {
        return first.get();
    }
}
