package io.contacts.command.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code contacts.imports}: rows per transaction, how often idle workers look for jobs, how many jobs one instance runs
 * at once, and the largest file accepted.
 */
@ConfigurationProperties("contacts.imports")
record ImportProperties(int batchSize, Duration pollInterval, int workers, DataSize maxFileSize) {
}
