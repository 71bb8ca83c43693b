package io.contacts.benchmarks;

import java.nio.file.Path;
import java.util.Map;

/**
 * The running stack as {@code infra/stack.sh up} describes it in {@code $CONTACTS_RUN_DIR/stack.env} (run.sh exports
 * that file): the edge, the platform token, the PostgreSQL server the Postgres way runs on, Elasticsearch (whose
 * circuit breakers the read benchmark watches and whose contacts it counts) and the command-service's management
 * port (its metrics).
 */
public record Stack(String edgeUrl, String platformToken, String dbUrl, String dbUser, String dbPassword,
                    Path runDir, String elasticsearchUrl, String commandManagementUrl) {

    public static Stack fromEnvironment() {
        return from(System.getenv());
    }

    static Stack from(Map<String, String> env) {
        return new Stack(required(env, "CONTACTS_URL"), required(env, "CONTACTS_PLATFORM_TOKEN"),
                required(env, "CONTACTS_DB_URL"), env.getOrDefault("CONTACTS_DB_USER", "contacts"),
                env.getOrDefault("CONTACTS_DB_PASSWORD", "contacts"),
                Path.of(env.getOrDefault("CONTACTS_RUN_DIR", "infra/.run")),
                env.getOrDefault("CONTACTS_ES_URL", "http://127.0.0.1:9200"),
                env.getOrDefault("CONTACTS_COMMAND_MANAGEMENT_URL", "http://127.0.0.1:8091"));
    }

    /** The JDBC URL of another database on the same server. */
    public String dbUrl(String database) {
        return dbUrl.substring(0, dbUrl.lastIndexOf('/') + 1) + database;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new BenchmarkException(name + " is not set: start the stack (infra/stack.sh up) and run"
                    + " benchmarks/run.sh with the same CONTACTS_RUN_DIR");
        }
        return value;
    }
}
