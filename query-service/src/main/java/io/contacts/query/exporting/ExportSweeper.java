package io.contacts.query.exporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps the jobs moving and the disk bounded: a job nobody runs (its lease ran out: the instance that ran it died,
 * or it was requested just before one did) is run again from the start; jobs and files older than
 * {@code contacts.exports.retention} are removed. Runs at start-up and then every {@code sweep-interval}.
 */
@Component
class ExportSweeper {

    private static final Logger log = LoggerFactory.getLogger(ExportSweeper.class);

    private final ExportJobs jobs;
    private final ExportRunner runner;
    private final ExportFiles files;
    private final ExportProperties properties;
    private final Clock clock = Clock.systemUTC();

    ExportSweeper(ExportJobs jobs, ExportRunner runner, ExportFiles files, ExportProperties properties) {
        this.jobs = jobs;
        this.runner = runner;
        this.files = files;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${contacts.exports.sweep-interval}")
    void sweep() {
        try {
            long now = clock.millis();
            for (ExportJobs.Versioned abandoned : jobs.abandoned(now)) {
                runner.submit(abandoned.job().id());
            }
            for (ExportJobs.Versioned old : jobs.requestedBefore(now - properties.retention().toMillis())) {
                files.delete(old.job());
                jobs.delete(old.job().id());
            }
        } catch (RuntimeException e) {
            log.warn("Export sweep failed (tried again in {}): {}", properties.sweepInterval(), e.getMessage());
        }
    }
}
