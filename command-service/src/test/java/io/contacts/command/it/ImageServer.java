package io.contacts.command.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 for {@code avatar_url} tests: {@code /avatar.png} is a PNG, {@code /text.png} is
 * text, {@code /hop/N} redirects N more times before landing on the PNG. It counts the requests it answers.
 */
final class ImageServer implements AutoCloseable {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    ImageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/hop/")) {
                int left = Integer.parseInt(path.substring("/hop/".length()));
                exchange.getResponseHeaders().add("Location", left == 0 ? "/avatar.png" : "/hop/" + (left - 1));
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = path.equals("/avatar.png") ? PNG : "plain text".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
