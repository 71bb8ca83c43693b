package io.contacts.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the tests find the real PostgreSQL, Kafka and Elasticsearch.
 * <ol>
 *   <li>The environment written by {@code infra/stack.sh} ({@code CONTACTS_DB_URL}, {@code CONTACTS_KAFKA_BOOTSTRAP},
 *   {@code CONTACTS_ES_URL}, ...), when present;</li>
 *   <li>else, where a Docker engine runs, Testcontainers started once per JVM;</li>
 *   <li>else a failure that says what to run. A test is never silently skipped.</li>
 * </ol>
 */
public final class TestInfrastructure {

    private static final String HOW_TO = "Start the stack first: `infra/stack.sh up` (then `source infra/.run/stack.env`)"
            + " or run everything with `infra/stack.sh test`; on a machine with Docker, Testcontainers is used instead.";

    private static PostgreSQLContainer<?> postgres;
    private static KafkaContainer kafka;
    private static ElasticsearchContainer elasticsearch;

    private TestInfrastructure() {
    }

    /** JDBC URL of a database on the test PostgreSQL, created on first use. */
    public static synchronized String postgresUrl(String database) {
        String url = System.getenv("CONTACTS_DB_URL");
        if (url == null) {
            url = startPostgres().getJdbcUrl();
        }
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        try (var connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + database + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is not reachable. " + HOW_TO, e);
        }
        return base + database;
    }

    public static String postgresUser() {
        return env("CONTACTS_DB_USER", postgres != null ? postgres.getUsername() : "contacts");
    }

    public static String postgresPassword() {
        return env("CONTACTS_DB_PASSWORD", postgres != null ? postgres.getPassword() : "contacts");
    }

    public static synchronized String kafkaBootstrap() {
        String bootstrap = System.getenv("CONTACTS_KAFKA_BOOTSTRAP");
        if (bootstrap != null) {
            return bootstrap;
        }
        if (kafka == null) {
            requireDocker("Kafka (CONTACTS_KAFKA_BOOTSTRAP)");
            kafka = new KafkaContainer("apache/kafka:4.1.0");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    public static synchronized String elasticsearchUrl() {
        String url = System.getenv("CONTACTS_ES_URL");
        if (url != null) {
            return url;
        }
        if (elasticsearch == null) {
            requireDocker("Elasticsearch (CONTACTS_ES_URL)");
            elasticsearch = new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.5")
                    .withEnv("xpack.security.enabled", "false");
            elasticsearch.start();
        }
        return "http://" + elasticsearch.getHttpHostAddress();
    }

    /** The edge of a running stack; end-to-end tests need the whole stack, which only {@code infra/stack.sh} runs. */
    public static String edgeUrl() {
        return required("CONTACTS_URL");
    }

    /** A service of the running stack, directly (not through the edge): tests of what each service enforces itself. */
    public static String commandServiceUrl() {
        return required("CONTACTS_COMMAND_URL");
    }

    public static String queryServiceUrl() {
        return required("CONTACTS_QUERY_URL");
    }

    /** A service's management port (actuator: health probes, metrics); not routed by the edge. */
    public static String commandManagementUrl() {
        return required("CONTACTS_COMMAND_MANAGEMENT_URL");
    }

    public static String queryManagementUrl() {
        return required("CONTACTS_QUERY_MANAGEMENT_URL");
    }

    public static String platformToken() {
        return required("CONTACTS_PLATFORM_TOKEN");
    }

    /** The IMAP port of the stack's mail part (GreenMail: every recipient's login and password is the address). */
    public static int imapPort() {
        return Integer.parseInt(required("CONTACTS_IMAP_PORT"));
    }

    private static PostgreSQLContainer<?> startPostgres() {
        if (postgres == null) {
            requireDocker("PostgreSQL (CONTACTS_DB_URL)");
            postgres = new PostgreSQLContainer<>("postgres:15").withDatabaseName("contacts")
                    .withUsername("contacts").withPassword("contacts");
            postgres.start();
        }
        return postgres;
    }

    private static void requireDocker(String what) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            throw new IllegalStateException(what + " is not configured and no Docker engine runs here. " + HOW_TO);
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set. " + HOW_TO);
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
