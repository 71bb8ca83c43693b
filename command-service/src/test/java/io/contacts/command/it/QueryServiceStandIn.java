package io.contacts.command.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the query-service's internal presence check: every contact is offline unless told otherwise, and a
 * contact marked broken gets a 500. The read-your-writes wait gets a 504 (the query side's answer when its wait ran
 * out) in an account marked as timing out; every other request gets a 404, so read-your-writes falls back at once.
 */
final class QueryServiceStandIn {

    enum Presence { ONLINE, BROKEN }

    private static final Pattern PRESENCE = Pattern.compile("^/internal/v1/accounts/\\d+/contacts/(\\d+)/presence$");
    private static final Pattern WAIT = Pattern.compile("^/internal/v1/accounts/(\\d+)/contacts/\\d+$");

    private final HttpServer server;
    private final Map<Long, Presence> presence = new ConcurrentHashMap<>();
    private final Set<Long> timingOut = ConcurrentHashMap.newKeySet();

    QueryServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void set(long contactId, Presence state) {
        presence.put(contactId, state);
    }

    /** Every read-your-writes wait in this account answers 504. */
    void timeOut(long accountId) {
        timingOut.add(accountId);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher wait = WAIT.matcher(exchange.getRequestURI().getPath());
        if (wait.matches() && timingOut.contains(Long.parseLong(wait.group(1)))) {
            respond(exchange, 504, "{\"error\":\"Gateway timeout\"}");
            return;
        }
        Matcher path = PRESENCE.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            respond(exchange, 404, "{\"error\":\"Not found\"}");
            return;
        }
        Presence state = presence.get(Long.parseLong(path.group(1)));
        if (state == Presence.BROKEN) {
            respond(exchange, 500, "{\"error\":\"Internal server error\"}");
        } else {
            respond(exchange, 200, "{\"online\":" + (state == Presence.ONLINE) + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
