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
 * @param retention     how long jobs and their files are kept after they were requested
 * @param concurrency   exports running at once in this instance (more wait in a queue)
 * @param pageSize      contacts read from Elasticsearch per request: what bounds the memory of an export
 * @param lease         a running job renews this lease with every page; a job whose lease ran out (its instance
 *                      died) is run again from the start by whichever instance sweeps first
 * @param sweepInterval how often leases and retention are checked
 */
@ConfigurationProperties("contacts.exports")
public record ExportProperties(Path dir, String signingSecret, Duration linkTtl, Duration retention,
                               int concurrency, int pageSize, Duration lease, Duration sweepInterval) {
}
