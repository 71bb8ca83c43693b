package io.contacts.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command-service's internal access endpoint as docs/internals.md documents it, served by a real HTTP server:
 * {@link #TOKEN} is a member of every account except {@link #UNKNOWN_ACCOUNT} (which does not exist);
 * {@link #OUTSIDER_TOKEN} is a user of no account; any other token is invalid; a client address (the
 * {@code X-Forwarded-For} the query-service sends) of {@link #BLOCKED_ADDRESS} has failed too often.
 */
public final class CommandServiceStandIn implements AutoCloseable {

    public static final String TOKEN = "it-admin-token";
    public static final String OUTSIDER_TOKEN = "it-outsider-token";
    /** The email of {@link #TOKEN}'s user. */
    public static final String EMAIL = "it-admin@example.com";
    public static final long UNKNOWN_ACCOUNT = 404_404_404L;
    public static final String NO_CREDENTIALS = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";
    public static final String INVALID_TOKEN = "{\"error\":\"Invalid Access Token\"}";
    public static final String NOT_A_MEMBER = "{\"error\":\"You are not authorized to access this account\"}";
    public static final String NO_ACCOUNT = "{\"error\":\"Resource could not be found\"}";
    public static final String BLOCKED_ADDRESS = "203.0.113.66";
    public static final String TOO_MANY_FAILURES = "{\"error\":\"Too many failed authentication attempts\"}";

    private static final Pattern PATH = Pattern.compile("^/internal/v1/accounts/([^/]+)/access$");

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String lastClientAddress;

    public CommandServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/accounts/", this::access);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The client address the last access check named. */
    public String lastClientAddress() {
        return lastClientAddress;
    }

    /** How many access checks were asked for this token and account. */
    public int calls(String token, long accountId) {
        return calls.getOrDefault(token + "|" + accountId, new AtomicInteger()).get();
    }

    private void access(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String token = exchange.getRequestHeaders().getFirst("api_access_token");
        if (!path.matches()) {
            respond(exchange, 404, NO_ACCOUNT);
            return;
        }
        String account = path.group(1);
        calls.computeIfAbsent(token + "|" + account, k -> new AtomicInteger()).incrementAndGet();
        lastClientAddress = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (BLOCKED_ADDRESS.equals(lastClientAddress)) {
            exchange.getResponseHeaders().set("Retry-After", "42");
            respond(exchange, 429, TOO_MANY_FAILURES);
        } else if (token == null) {
            respond(exchange, 401, NO_CREDENTIALS);
        } else if (!Set.of(TOKEN, OUTSIDER_TOKEN).contains(token)) {
            respond(exchange, 401, INVALID_TOKEN);
        } else if (!account.matches("\\d+") || Long.parseLong(account) == UNKNOWN_ACCOUNT) {
            respond(exchange, 404, NO_ACCOUNT);
        } else if (token.equals(OUTSIDER_TOKEN)) {
            respond(exchange, 401, NOT_A_MEMBER);
        } else {
            respond(exchange, 200, "{\"user_id\":1,\"role\":\"administrator\",\"email\":\"" + EMAIL + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
