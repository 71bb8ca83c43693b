package io.contacts.query.exporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * CSV exports (docs/issue4-export.md).
 *
 * @param dir           where the files are written
 * @param signingSecret signs download links; blank: a random one per start (links then die with a restart)
 * @param linkTtl       how long a download link works after the export completed
 * @param retention     how long jobs and their files are kept after they were requested; at least 24 h, since a
 *                      job holds its request's Idempotency-Key (docs/idempotency.md)
 * @param concurrency   exports running at once in this instance (more wait in a queue)
 * @param pageSize      contacts read from Elasticsearch per request: what bounds the memory of an export
 * @param lease         a running job renews this lease with every page; a job whose lease ran out (its instance
 *                      died) is run again from the start by whichever instance sweeps first
 * @param sweepInterval how often leases and retention are checked
 */
@ConfigurationProperties("contacts.exports")
public record ExportProperties(Path dir, String signingSecret, Duration linkTtl, Duration retention,
                               int concurrency, int pageSize, Duration lease, Duration sweepInterval) {

    /** How long an Idempotency-Key is honoured at least, as on the command side. */
    static final Duration KEY_RETENTION = Duration.ofHours(24);

    public ExportProperties {
        if (retention.compareTo(KEY_RETENTION) < 0) {
            throw new IllegalArgumentException("contacts.exports.retention must be at least " + KEY_RETENTION
                    + ": the export jobs keep their Idempotency-Keys that long");
        }
    }
}
