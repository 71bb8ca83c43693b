package io.contacts.benchmarks.edge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the command-service answered from its read-your-writes fallback (committed, but not yet searchable when
 * answered): its counter {@code contacts.read.your.writes.fallbacks} by reason (timeout, failed, busy), scraped from
 * {@code /actuator/prometheus} on its management port.
 */
public final class Fallbacks {

    static final String SERIES = "contacts_read_your_writes_fallbacks_total";
    private static final Pattern LINE = Pattern.compile("^" + SERIES + "\\{(?:.*,)?reason=\"([^\"]*)\".*} (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String managementUrl;

    public Fallbacks(String managementUrl) {
        this.managementUrl = managementUrl.replaceAll("/+$", "");
    }

    /** The count so far by reason; empty when the command-service exports no such counter or does not answer. */
    public Optional<Map<String, Long>> count() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The counter's series in Prometheus' text format, by reason; empty when there is none. */
    static Optional<Map<String, Long>> parse(String prometheus) {
        Map<String, Long> byReason = new TreeMap<>();
        prometheus.lines().map(LINE::matcher).filter(Matcher::matches).forEach(line ->
                byReason.merge(line.group(1), (long) Double.parseDouble(line.group(2)), Long::sum));
        return byReason.isEmpty() ? Optional.empty() : Optional.of(byReason);
    }

    /** What was counted between two scrapes, by reason (reasons without any left out); empty when one is unknown. */
    public static Optional<Map<String, Long>> between(Optional<Map<String, Long>> before,
                                                      Optional<Map<String, Long>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> counted = new TreeMap<>();
        after.get().forEach((reason, now) -> {
            long added = now - before.get().getOrDefault(reason, 0L);
            if (added != 0) {
                counted.put(reason, added);
            }
        });
        return Optional.of(counted);
    }
}
