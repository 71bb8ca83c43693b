package io.contacts.benchmarks.report;

import io.contacts.benchmarks.Stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The versions a report names: the code (git), Java, PostgreSQL, Elasticsearch; "unknown" where one cannot be read. */
public final class Versions {

    private Versions() {
    }

    public static Map<String, String> of(Stack stack, Path checkout) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("commit", git(checkout));
        versions.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        versions.put("PostgreSQL", postgres(stack));
        versions.put("Elasticsearch", elasticsearch(stack.runDir()));
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

    /** The minimal distribution serves no {@code GET /}: the version is in the name of the node's directory. */
    private static String elasticsearch(Path runDir) {
        try (Stream<Path> entries = Files.list(runDir.resolve("es"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("elasticsearch-"))
                    .map(name -> name.substring("elasticsearch-".length())).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
