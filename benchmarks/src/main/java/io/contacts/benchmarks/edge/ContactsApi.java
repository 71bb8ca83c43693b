package io.contacts.benchmarks.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.BenchmarkException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Our side: the public API through the edge, as any client calls it. */
public final class ContactsApi {

    /** An account and the token of one of its administrators. */
    public record Account(long id, String token) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String edge;
    private final String platformToken;

    public ContactsApi(String edge, String platformToken) {
        this.edge = edge;
        this.platformToken = platformToken;
    }

    public Account newAdministratorAccount(String name) {
        JsonNode account = platform("POST", "/accounts", "{\"name\":\"" + name + "\"}");
        JsonNode user = platform("POST", "/users", "{\"name\":\"bench\",\"email\":\"bench-" + UUID.randomUUID()
                + "@bench.test\",\"password\":\"bench-password\"}");
        platform("POST", "/accounts/" + account.get("id").asLong() + "/account_users",
                "{\"user_id\":" + user.get("id").asLong() + ",\"role\":\"administrator\"}");
        return new Account(account.get("id").asLong(), user.get("access_token").asText());
    }

    public void defineContactAttribute(Account account, String key, String displayType) {
        call(account, "POST", "/custom_attribute_definitions", BodyPublishers.ofString("{\"attribute_key\":\"" + key
                + "\",\"attribute_display_name\":\"" + key + "\",\"attribute_display_type\":\"" + displayType
                + "\",\"attribute_model\":\"contact_attribute\"}"), JSON);
    }

    /** Uploads the CSV as the dashboard does (multipart import_file); the id of the import job. */
    public long startImport(Account account, Path csv) {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"import_file\"; filename=\""
                + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        BodyPublisher body;
        try {
            body = BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(csv),
                    BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        } catch (IOException e) {
            throw new BenchmarkException("cannot read " + csv, e);
        }
        return call(account, "POST", "/contacts/import", body, "multipart/form-data; boundary=" + boundary)
                .get("id").asLong();
    }

    public JsonNode importJob(Account account, long job) {
        return call(account, "GET", "/data_imports/" + job, null, null);
    }

    /** meta.count of GET /contacts: every contact with an email, phone number or identifier. */
    public long listedContacts(Account account) {
        return call(account, "GET", "/contacts?per_page=1&include_contact_inboxes=false", null, null)
                .path("meta").path("count").asLong(-1);
    }

    /** Whether the token still opens the account (a stack whose data was wiped answers 401 or 404). */
    public boolean opens(Account account) {
        return send(account, "GET", "/contacts?per_page=1&include_contact_inboxes=false", null).statusCode() == 200;
    }

    /** Sends the request and returns meta.count of its answer. */
    public long count(Account account, String method, String path, String jsonBody) {
        return call(account, method, path, jsonBody == null ? null : BodyPublishers.ofString(jsonBody), JSON)
                .path("meta").path("count").asLong(-1);
    }

    /** Sends the request as a measured one: the whole answer is read, only the status is checked. */
    public void measure(Account account, String method, String path, String jsonBody) {
        HttpResponse<byte[]> response = send(account, method, path, jsonBody);
        if (response.statusCode() != 200) {
            throw refused(method, path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** A JSON request to the account's API; the answer whatever its status (the caller counts refusals). */
    public HttpResponse<byte[]> send(Account account, String method, String path, String jsonBody) {
        return send(account, method, path, jsonBody, Map.of());
    }

    /** The same, with these headers besides. */
    public HttpResponse<byte[]> send(Account account, String method, String path, String jsonBody,
                                     Map<String, String> headers) {
        HttpRequest.Builder request = request(edge + "/api/v1/accounts/" + account.id() + path, account.token());
        headers.forEach(request::header);
        request.method(method, jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", JSON);
        }
        return exchange(request.build());
    }

    /** A JSON request to the account's API; its JSON answer, or an exception naming a refusal. */
    public JsonNode json(Account account, String method, String path, String jsonBody) {
        return call(account, method, path, jsonBody == null ? null : BodyPublishers.ofString(jsonBody), JSON);
    }

    /** A platform API request (the platform token); its JSON answer. */
    public JsonNode platform(String method, String path, String jsonBody) {
        HttpRequest.Builder request = request(edge + "/platform/api/v1" + path, platformToken);
        request.method(method, jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", JSON);
        }
        return parse(exchange(request.build()));
    }

    private JsonNode call(Account account, String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = request(edge + "/api/v1/accounts/" + account.id() + path, account.token());
        request.method(method, body == null ? BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return parse(exchange(request.build()));
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("api_access_token", token);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BenchmarkException(request.method() + " " + request.uri() + ": no answer (is the stack up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw refused(response.request().method(), response.request().uri().toString(), response.statusCode(), body);
        }
        try {
            return body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new BenchmarkException(response.request().uri() + " answered no JSON: " + abbreviate(body), e);
        }
    }

    private static BenchmarkException refused(String method, String uri, int status, String body) {
        return new BenchmarkException(method + " " + uri + " answered " + status + ": " + abbreviate(body));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
