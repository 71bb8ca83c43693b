package io.contacts.benchmarks.read;

import io.contacts.benchmarks.BenchmarkException;
import io.contacts.benchmarks.Stack;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The Postgres way: Chatwoot's contacts table, with its indexes, in a database of its own on the stack's PostgreSQL
 * ({@code chatwoot_bench_<rows>}), queried over JDBC with the SQL Chatwoot sends. The database is kept between runs.
 */
final class ChatwootDatabase implements AutoCloseable {

    private final Stack stack;
    private final String name;
    private BlockingQueue<Connection> pool;

    ChatwootDatabase(Stack stack, int rows) {
        this.stack = stack;
        this.name = "chatwoot_bench_" + rows;
    }

    String name() {
        return name;
    }

    /** How many contacts a completed load left in the database; -1 when there is none. */
    long loadedContacts() {
        try (Connection server = connect(stack.dbUrl());
             var exists = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                return -1;
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        try (Connection database = connect(stack.dbUrl(name)); Statement statement = database.createStatement()) {
            ResultSet marker = statement.executeQuery("SELECT to_regclass('bench_dataset') IS NOT NULL");
            marker.next();
            if (!marker.getBoolean(1)) {
                return -1;
            }
            ResultSet contacts = statement.executeQuery("SELECT contacts FROM bench_dataset");
            return contacts.next() ? contacts.getLong(1) : -1;
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Creates the database anew and loads the CSV with COPY, then builds Chatwoot's indexes. */
    void load(Path csv) {
        try (Connection server = connect(stack.dbUrl()); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw unreachable(e);
        }
        try (Connection database = connect(stack.dbUrl(name)); Statement statement = database.createStatement()) {
            runScript(statement, "chatwoot-contacts.sql");
            try (Reader rows = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                database.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY contacts_csv FROM STDIN WITH (FORMAT csv, HEADER true)", rows);
            }
            runScript(statement, "load.sql");
        } catch (SQLException | IOException e) {
            throw new BenchmarkException("loading " + csv + " into " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Opens one connection per concurrent request. */
    void open(int connections) {
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(connect(stack.dbUrl(name)));
        }
    }

    /** Runs the statements of a query as Rails would, reading every row; the last statement's row count. */
    long rows(ReadQuery query) throws InterruptedException, SQLException {
        Connection connection = pool.take();
        try (Statement statement = connection.createStatement()) {
            long count = 0;
            for (String sql : query.sql()) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    count = 0;
                    while (result.next()) {
                        count = sql.startsWith("SELECT COUNT(*)") ? result.getLong(1) : count + 1;
                    }
                }
            }
            return count;
        } finally {
            pool.add(connection);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.forEach(connection -> {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing at exit: nothing left to do with it
                }
            });
        }
    }

    private Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, stack.dbUser(), stack.dbPassword());
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private static void runScript(Statement statement, String resource) throws SQLException, IOException {
        try (InputStream in = ChatwootDatabase.class.getResourceAsStream(resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private BenchmarkException unreachable(SQLException e) {
        return new BenchmarkException("PostgreSQL at " + stack.dbUrl() + " (database " + name + "): " + e.getMessage(), e);
    }
}
