package io.contacts.benchmarks.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.BenchmarkException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * How many contacts the stack stores, every account together: the documents behind the search index's alias that are
 * not deletions, counted by Elasticsearch. The batch and import bars hold at 1,000,000 stored (the read benchmark's
 * account loads them: {@code benchmarks/run.sh read}).
 */
public final class StoredContacts {

    public static final long BAR = 1_000_000;
    private static final String ALIAS = "contacts";
    private static final String NOT_DELETED = "{\"query\":{\"bool\":{\"must_not\":{\"term\":{\"deleted\":true}}}}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String elasticsearchUrl;

    public StoredContacts(String elasticsearchUrl) {
        this.elasticsearchUrl = elasticsearchUrl.replaceAll("/+$", "");
    }

    public long count() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + ALIAS + "/_count"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NOT_DELETED)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchmarkException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return new ObjectMapper().readTree(response.body()).path("count").asLong();
        } catch (IOException e) {
            throw new BenchmarkException(request.uri() + ": no answer (is Elasticsearch up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted", e);
        }
    }

    /** "1,234,567 stored before", with what the bar needs when there are fewer. */
    public static String describe(long stored) {
        return String.format(Locale.ROOT, "%,d stored before", stored) + (stored >= BAR ? ""
                : "; the bar is at 1,000,000 stored: load them with benchmarks/run.sh read");
    }
}
