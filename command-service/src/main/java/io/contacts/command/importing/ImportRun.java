package io.contacts.command.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one import job to its end (or until asked to stop). The file is first read through once: a malformed file
 * fails the job before any row is applied, and the row count gives the progress. Then its rows are applied in
 * batches, starting after the rows a previous run already committed.
 */
@Component
public class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportBatch batch;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;

    ImportRun(ImportJobs jobs, ImportFiles files, ImportBatch batch, JdbcTemplate jdbc,
              TransactionTemplate transactions, ImportProperties properties) {
        this.jobs = jobs;
        this.files = files;
        this.batch = batch;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = properties.batchSize();
    }

    /** @param stopping true once the service shuts down: the run ends after the batch in hand */
    public void run(long id, BooleanSupplier stopping) {
        ImportJob job = jobs.get(id);
        if (job.total() == null) {
            try {
                List<String> header = scan(job);
                job = jobs.get(id);
                log.info("Import {} ({} rows, header {}) started", id, job.total(), header);
            } catch (MalformedCsvException e) {
                log.info("Import {} failed: {}", id, e.getMessage());
                end(job, () -> jobs.fail(id, e.getMessage()));
                return;
            }
        }
        int rowsDone = job.rowsDone();
        try (CsvRecords records = new CsvRecords(files.open(id))) {
            ImportColumns columns = ImportColumns.of(records.header());
            for (int skipped = 0; skipped < rowsDone; skipped++) {
                records.next();
            }
            List<ImportRow> rows = new ArrayList<>(batchSize);
            CsvRecords.Row row;
            do {
                row = records.next();
                if (row != null) {
                    rows.add(columns.read(row));
                }
                if (rows.size() == batchSize || row == null && !rows.isEmpty()) {
                    if (stopping.getAsBoolean()) {
                        log.info("Import {} paused after {} rows (shutting down)", id, rowsDone);
                        return;
                    }
                    rowsDone += batch.apply(job, rowsDone, rows).rows();
                    rows.clear();
                }
            } while (row != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end(job, () -> jobs.complete(id));
        ImportJob done = jobs.get(id);
        log.info("Import {} completed: {} rows, {} created, {} updated, {} duplicates, {} failed", id, done.total(),
                done.created(), done.updated(), done.duplicates(), done.failed());
    }

    /** Reads the whole file once: its header and row count, or where it stops being CSV. */
    private List<String> scan(ImportJob job) {
        try (CsvRecords records = new CsvRecords(files.open(job.id()))) {
            ImportColumns.of(records.header());
            int total = 0;
            while (records.next() != null) {
                total++;
            }
            jobs.start(job.id(), records.header(), total);
            return records.header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's end: the file and the job's bookkeeping of touched contacts go; counts and failed rows stay. */
    private void end(ImportJob job, Runnable status) {
        transactions.executeWithoutResult(transaction -> {
            status.run();
            files.delete(job.id());
            jdbc.update("DELETE FROM data_import_contacts WHERE import_id = ?", job.id());
        });
    }
}
