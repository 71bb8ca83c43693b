package io.contacts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.testsupport.TestInfrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A client of the running stack's edge, as any HTTP client of the API would use it. */
final class Edge {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl = TestInfrastructure.edgeUrl();

    record Reply(int status, JsonNode body, String raw) {
    }

    /** A user of an account, with the token its requests carry. */
    record Member(long accountId, long userId, String token, String email) {
    }

    Reply call(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("api_access_token", token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
            return new Reply(response.statusCode(), json, raw);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from the edge at " + baseUrl + path
                    + " (is the stack up? `infra/stack.sh up`)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data request with text fields and one file part named {@code fileField}. */
    Reply multipart(String method, String path, String token, Map<String, String> fields, String fileField,
                    String fileName, String fileType, byte[] file) {
        String boundary = "----contacts" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("api_access_token", token);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            String raw = response.body();
            return new Reply(response.statusCode(), raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Any request as raw bytes with the given headers (a hostile client's): the answer's body is parsed when it is
     * JSON and a missing node otherwise, so a non-JSON error page is an assertion failure, not an exception here.
     */
    Reply raw(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        JsonNode json;
        try {
            json = raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
        } catch (IOException e) {
            json = JSON.missingNode();
        }
        return new Reply(response.statusCode(), json, raw);
    }

    /** An answer read off a socket. */
    record Raw(int status, Map<String, String> headers, String body) {
    }

    /**
     * One HTTP/1.0 request from {@code source}, with these headers and no body: what the JDK client cannot do (choose
     * the source address, declare a length it does not send).
     */
    Raw socket(String source, String method, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: "
                + URI.create(baseUrl).getAuthority() + "\r\nAccept: application/json\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return exchange(source, request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Bytes written as they are on a socket bound to {@code source} (a request the JDK client refuses to send), and the
     * answer read off it; header names are answered in lower case, a chunked body is decoded.
     */
    Raw exchange(String source, byte[]... request) {
        URI edge = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(edge.getHost(), edge.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : request) {
                out.write(part);
            }
            // no half-close: nginx takes it for a client that went away and drops the request
            out.flush();
            InputStream in = socket.getInputStream();
            String[] lines = line(in, "\r\n\r\n").split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":", 2);
                headers.put(header[0].trim().toLowerCase(Locale.ROOT), header[1].trim());
            }
            // read the body by its length: a server may linger before closing a connection whose body it refused
            String length = headers.get("content-length");
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunks(in)
                    : length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from the edge to a request from " + source, e);
        }
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int size;
        while ((size = Integer.parseInt(line(in, "\r\n").strip().split(";")[0], 16)) > 0) {
            body.write(in.readNBytes(size));
            line(in, "\r\n");
        }
        return body.toByteArray();
    }

    /** The bytes up to and including {@code end}, as ASCII. */
    private static String line(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in the answer: " + bytes);
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** A GET whose answer is not JSON (a CSV file), as text. */
    HttpResponse<String> text(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("api_access_token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any URL (e.g. a thumbnail), without a token, as a browser would fetch it. */
    HttpResponse<byte[]> fetch(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    Reply post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    long newAccount() {
        Reply reply = post("/platform/api/v1/accounts", TestInfrastructure.platformToken(),
                Map.of("name", "e2e " + unique()));
        if (reply.status() != 200) {
            throw new IllegalStateException("Cannot create an account: " + reply);
        }
        return reply.body().get("id").asLong();
    }

    Member newMember(long accountId, String role) {
        String platform = TestInfrastructure.platformToken();
        String email = unique() + "@e2e.test";
        Reply user = post("/platform/api/v1/users", platform,
                Map.of("name", role + " " + unique(), "email", email, "password", "Secret-" + unique()));
        if (user.status() != 200) {
            throw new IllegalStateException("Cannot create a user: " + user);
        }
        long userId = user.body().get("id").asLong();
        Reply membership = post("/platform/api/v1/accounts/" + accountId + "/account_users", platform,
                Map.of("user_id", userId, "role", role));
        if (membership.status() != 200) {
            throw new IllegalStateException("Cannot add the user to the account: " + membership);
        }
        return new Member(accountId, userId, user.body().get("access_token").asText(), email);
    }

    static String contacts(Member member) {
        return "/api/v1/accounts/" + member.accountId() + "/contacts";
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
