package io.contacts.command.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs pending and interrupted import jobs, {@code contacts.imports.workers} at a time per instance. A job is run by
 * whoever holds its PostgreSQL advisory lock, taken on a connection kept open for the run: when an instance dies its
 * connection closes, the lock goes with it and the next poll (here or on another instance) resumes the job. Progress
 * is committed with each batch, so a resumed job starts after the last committed row.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    /** The first key of our advisory locks, so they cannot collide with anyone else's. */
    private static final int LOCK_SPACE = 0x1D1;

    private final ImportJobs jobs;
    private final ImportRun run;
    private final DataSource dataSource;
    private final ImportProperties properties;
    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    ImportWorker(ImportJobs jobs, ImportRun run, DataSource dataSource, ImportProperties properties) {
        this.jobs = jobs;
        this.run = run;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        stopping = false;
        executor = Executors.newScheduledThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "contact-import");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        for (int i = 0; i < properties.workers(); i++) {
            executor.scheduleWithFixedDelay(this::runOne, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Runs the first unfinished job no one else runs, if any. */
    private void runOne() {
        try {
            for (long id : jobs.unfinished()) {
                if (stopping) {
                    return;
                }
                try (Connection connection = dataSource.getConnection()) {
                    if (lock(connection, "pg_try_advisory_lock", id)) {
                        try {
                            run.run(id, () -> stopping);
                        } finally {
                            lock(connection, "pg_advisory_unlock", id);
                        }
                        return;
                    }
                }
            }
        } catch (ImportMovedOnException e) {
            log.warn("{}; leaving it", e.getMessage());
        } catch (Exception e) {
            // a PostgreSQL outage, say: the job stays unfinished and the next poll resumes it
            log.warn("Import run stopped: {}", e.toString());
        }
    }

    private static boolean lock(Connection connection, String function, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, (int) id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
