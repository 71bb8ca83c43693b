package io.contacts.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.benchmarks.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The versions a report names: the code (git), Java, PostgreSQL, Elasticsearch; "unknown" where one cannot be read. */
public final class Versions {

    private Versions() {
    }

    public static Map<String, String> of(Stack stack, Path checkout) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("commit", git(checkout));
        versions.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        versions.put("PostgreSQL", postgres(stack));
        versions.put("Elasticsearch", elasticsearch(System.getenv("CONTACTS_ES_URL")));
        return versions;
    }

    private static String git(Path checkout) {
        try {
            Process git = new ProcessBuilder("git", "-C", checkout.toString(), "log", "-1",
                    "--format=%h %cd %s", "--date=short").redirectErrorStream(true).start();
            String line = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? line : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String postgres(Stack stack) {
        try (var connection = DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
             var result = connection.createStatement().executeQuery("SHOW server_version")) {
            return result.next() ? result.getString(1) : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String elasticsearch(String url) {
        if (url == null || url.isBlank()) {
            return "unknown";
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("version").path("number").asText("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
