package io.contacts.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The command-service's internal event stream ({@code GET /internal/v1/events}) as docs/internals.md documents it:
 * the events the test stored, in contact order (aggregate identifiers compared as text, as PostgreSQL does), paged
 * with the {@code <aggregate>:<sequence>} cursor. A test can hold the stream back or act when a page is served.
 */
public final class EventStoreStandIn implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Comparator<String[]> ORDER = Comparator.<String[], String>comparing(key -> key[0])
            .thenComparingLong(key -> Long.parseLong(key[1]));

    private final HttpServer server;
    private final ConcurrentSkipListMap<String[], ObjectNode> events = new ConcurrentSkipListMap<>(ORDER);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Consumer<Integer> onPage = page -> { };
    private int pagesServed;

    public EventStoreStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/events", this::page);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stores an event as committed in the event store. */
    public void store(ContactEvent event, long sequence, Instant time) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", ContactEventType.of(event).type());
        json.put("contact_id", event.contactId());
        json.put("account_id", event.accountId());
        json.put("sequence", sequence);
        json.put("time", time.toString());
        try {
            json.set("data", MAPPER.readTree(ContactEventJson.write(event)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        events.put(new String[]{String.valueOf(event.contactId()), String.valueOf(sequence)}, json);
    }

    /** How many events are stored. */
    public int events() {
        return events.size();
    }

    /** How many contacts have events. */
    public long contacts() {
        return events.keySet().stream().map(key -> key[0]).distinct().count();
    }

    /** Pages wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** Called with the page's number (from 1, counted from this call) before each page is answered. */
    public synchronized void onPage(Consumer<Integer> action) {
        onPage = action;
        pagesServed = 0;
    }

    private void page(HttpExchange exchange) throws IOException {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                respond(exchange, 503, "{\"error\":\"held too long\"}");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            onPage.accept(++pagesServed);
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
        String after = query.get("after");
        String[] cursor = after == null ? new String[]{"", "-1"}
                : new String[]{after.substring(0, after.lastIndexOf(':')), after.substring(after.lastIndexOf(':') + 1)};
        List<Map.Entry<String[], ObjectNode>> page = events.tailMap(cursor, false).entrySet().stream()
                .limit(limit).toList();
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode array = body.putArray("events");
        page.forEach(entry -> array.add(entry.getValue()));
        if (page.size() < limit) {
            body.putNull("next");
        } else {
            String[] last = page.get(page.size() - 1).getKey();
            body.put("next", last[0] + ":" + last[1]);
        }
        respond(exchange, 200, MAPPER.writeValueAsString(body));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
