package io.contacts.command.importing;

import io.contacts.command.upsert.RowMatching;
import io.contacts.command.upsert.UpsertBatch;
import io.contacts.command.web.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of import rows through {@link UpsertBatch}, in one transaction with the job's bookkeeping: the
 * rejected rows, the contacts the job touched and its progress commit with the rows' events and claims (or not at
 * all: a restart then redoes exactly this batch). If the batch fails as a whole, its rows are applied one transaction
 * each, so that only the row at fault is rejected.
 */
@Component
class ImportBatch {

    private final UpsertBatch upserts;
    private final TransactionTemplate jdbcTransactions;
    private final JdbcTemplate jdbc;
    private final ImportJobs jobs;
    private final ImportFailures failures;

    ImportBatch(UpsertBatch upserts, TransactionTemplate jdbcTransactions, JdbcTemplate jdbc, ImportJobs jobs,
                ImportFailures failures) {
        this.upserts = upserts;
        this.jdbcTransactions = jdbcTransactions;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.failures = failures;
    }

    /** Applies the rows, which follow the job's {@code rowsDone} first rows of the file. */
    ImportCounts apply(ImportJob job, int rowsDone, List<ImportRow> rows) {
        Books books = new Books(job, rowsDone);
        upserts.apply(job.accountId(), RowMatching.IMPORT_ORDER, rows, books);
        return books.counts;
    }

    /** The job's side of each transaction; counts what the committed transactions did. */
    private final class Books implements UpsertBatch.Bookkeeping<ImportRow> {

        private final ImportJob job;
        private final int rowsDone;
        private ImportCounts counts = ImportCounts.NONE;

        Books(ImportJob job, int rowsDone) {
            this.job = job;
            this.rowsDone = rowsDone;
        }

        @Override
        public Set<Long> touchedBefore(Collection<Long> contacts) {
            Set<Long> touched = new HashSet<>();
            if (contacts.isEmpty()) {
                return touched;
            }
            jdbc.query((Connection connection) -> {
                var statement = connection.prepareStatement(
                        "SELECT contact_id FROM data_import_contacts WHERE import_id = ? AND contact_id = ANY(?)");
                statement.setLong(1, job.id());
                statement.setArray(2, connection.createArrayOf("bigint", contacts.toArray()));
                return statement;
            }, rs -> {
                touched.add(rs.getLong(1));
            });
            return touched;
        }

        @Override
        public void applied(List<UpsertBatch.Applied<ImportRow>> rows) {
            int created = 0;
            int updated = 0;
            int duplicates = 0;
            Set<Long> touched = new HashSet<>();
            List<ImportRow> rejected = new ArrayList<>();
            for (UpsertBatch.Applied<ImportRow> row : rows) {
                switch (row.outcome()) {
                    case REJECT -> rejected.add(ImportRow.rejected(row.item().row(), row.violations()));
                    case CREATE -> created++;
                    case DUPLICATE -> duplicates++;
                    case UPDATE -> updated++;
                }
                if (row.outcome() != RowMatching.Outcome.REJECT) {
                    touched.add(row.contactId());
                }
            }
            failures.record(job.id(), rejected);
            remember(touched);
            advance(new ImportCounts(rows.size(), created, updated, duplicates, rejected.size()));
        }

        @Override
        public void failed(UpsertBatch.Applied<ImportRow> row) {
            jdbcTransactions.executeWithoutResult(status -> {
                failures.record(job.id(), List.of(ImportRow.rejected(row.item().row(), row.violations())));
                advance(new ImportCounts(1, 0, 0, 0, 1));
            });
        }

        @Override
        public Violation notApplied() {
            return new Violation("row", "Row could not be imported");
        }

        @Override
        public boolean isFatal(RuntimeException failure) {
            return failure instanceof ImportMovedOnException;
        }

        /** Records the transaction's counts in the job; {@link #counts} moves once that transaction committed. */
        private void advance(ImportCounts done) {
            if (!jobs.advance(job.id(), rowsDone + counts.rows(), done)) {
                throw new ImportMovedOnException(job.id());
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counts = counts.plus(done);
                }
            });
        }

        private void remember(Set<Long> contacts) {
            if (contacts.isEmpty()) {
                return;
            }
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("INSERT INTO data_import_contacts (import_id, contact_id) "
                        + "SELECT ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING");
                statement.setLong(1, job.id());
                statement.setArray(2, connection.createArrayOf("bigint", contacts.toArray()));
                return statement;
            });
        }
    }
}
