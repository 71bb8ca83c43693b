package io.contacts.command.importing;

import io.contacts.command.contact.ContactIds;
import io.contacts.command.contact.CreateContact;
import io.contacts.command.contact.UpdateContact;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.uniqueness.JdbcContactClaims;
import io.contacts.command.web.ValidationFailedException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.contacts.command.web.Violation;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of import rows through the contact commands, all in one transaction: the commands run nested in one
 * Axon unit of work, so their events, the claims (written at the end in one go: {@link JdbcContactClaims#batched}),
 * the rejected rows and the job's progress commit together (or not at all: a restart then redoes exactly this batch). If anything in the batch fails — a value claimed meanwhile by an API
 * write, say — the batch is rolled back and its rows are applied one transaction each, so that only the row at fault
 * is rejected.
 */
@Component
class ImportBatch {

    private static final Logger log = LoggerFactory.getLogger(ImportBatch.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final TransactionTemplate jdbcTransactions;
    private final JdbcTemplate jdbc;
    private final ContactIds ids;
    private final ImportJobs jobs;
    private final ImportFailures failures;
    private final JdbcContactClaims claims;

    ImportBatch(CommandGateway commands, TransactionManager transactions, TransactionTemplate jdbcTransactions,
                JdbcTemplate jdbc, ContactIds ids, ImportJobs jobs, ImportFailures failures,
                JdbcContactClaims claims) {
        this.claims = claims;
        this.commands = commands;
        this.transactions = transactions;
        this.jdbcTransactions = jdbcTransactions;
        this.jdbc = jdbc;
        this.ids = ids;
        this.jobs = jobs;
        this.failures = failures;
    }

    /** Applies the rows, which follow the job's {@code rowsDone} first rows of the file. */
    ImportCounts apply(ImportJob job, int rowsDone, List<ImportRow> rows) {
        try {
            return inOneUnit(job, rowsDone, rows);
        } catch (ImportMovedOnException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw e;
            }
            log.info("Import {}: a batch of {} rows failed as a whole ({}); applying its rows one by one",
                    job.id(), rows.size(), e.toString());
        }
        ImportCounts counts = ImportCounts.NONE;
        for (ImportRow row : rows) {
            counts = counts.plus(applyAlone(job, rowsDone + counts.rows(), row));
        }
        return counts;
    }

    private ImportCounts applyAlone(ImportJob job, int rowsDone, ImportRow row) {
        try {
            return inOneUnit(job, rowsDone, List.of(row));
        } catch (ImportMovedOnException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw e;
            }
            ImportRow rejected = ImportRow.rejected(row.row(), e instanceof ValidationFailedException invalid
                    ? invalid.violations() : List.of(new Violation("row", "Row could not be imported")));
            if (!(e instanceof ValidationFailedException)) {
                log.warn("Import {}: row {} could not be applied", job.id(), row.row().number(), e);
            }
            return jdbcTransactions.execute(status -> {
                failures.record(job.id(), List.of(rejected));
                ImportCounts counts = new ImportCounts(1, 0, 0, 0, 1);
                advance(job, rowsDone, counts);
                return counts;
            });
        }
    }

    private ImportCounts inOneUnit(ImportJob job, int rowsDone, List<ImportRow> rows) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("import " + job.id()));
        unit.attachTransaction(transactions);
        ResultMessage<ImportCounts> result = unit.executeWithResult(
                () -> claims.batched(() -> applyRows(job, rowsDone, rows)));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    private ImportCounts applyRows(ImportJob job, int rowsDone, List<ImportRow> rows) {
        List<ImportRow> accepted = rows.stream().filter(row -> !row.isRejected()).toList();
        Map<RowMatching.Key, Long> holders = holders(job.accountId(), accepted);
        RowMatching matching = new RowMatching(holders, touchedBefore(job.id(), holders.values()));
        List<RowMatching.Plan> plans = rows.stream().map(matching::plan).toList();

        List<Long> newIds = ids.next((int) plans.stream()
                .filter(plan -> plan.outcome() == RowMatching.Outcome.CREATE).count());
        Map<Long, Long> contactIds = new HashMap<>();
        Set<Long> touched = new HashSet<>();
        List<ImportRow> rejected = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int duplicates = 0;
        for (RowMatching.Plan plan : plans) {
            ImportRow row = plan.row();
            switch (plan.outcome()) {
                case REJECT -> rejected.add(ImportRow.rejected(row.row(), plan.violations()));
                case CREATE -> {
                    long id = newIds.get(created++);
                    contactIds.put(plan.contact(), id);
                    commands.sendAndWait(new CreateContact(String.valueOf(id), job.accountId(), row.changes(), null,
                            null, row.labels()));
                    touched.add(id);
                }
                default -> {
                    long id = contactIds.getOrDefault(plan.contact(), plan.contact());
                    // an import adds labels; it never removes one the contact has
                    commands.sendAndWait(new UpdateContact(String.valueOf(id), job.accountId(), row.changes(), null,
                            row.labels()));
                    touched.add(id);
                    if (plan.outcome() == RowMatching.Outcome.DUPLICATE) {
                        duplicates++;
                    } else {
                        updated++;
                    }
                }
            }
        }
        failures.record(job.id(), rejected);
        remember(job.id(), touched);
        ImportCounts counts = new ImportCounts(rows.size(), created, updated, duplicates, rejected.size());
        advance(job, rowsDone, counts);
        return counts;
    }

    private void advance(ImportJob job, int rowsDone, ImportCounts counts) {
        if (!jobs.advance(job.id(), rowsDone, counts)) {
            throw new ImportMovedOnException(job.id());
        }
    }

    /** Who holds each unique value of the rows, in one query. */
    private Map<RowMatching.Key, Long> holders(long accountId, List<ImportRow> rows) {
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ImportRow row : rows) {
            row.keys().forEach((kind, value) -> {
                kinds.add(kind.attribute());
                values.add(value);
            });
        }
        Map<RowMatching.Key, Long> holders = new HashMap<>();
        if (kinds.isEmpty()) {
            return holders;
        }
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement("SELECT c.kind, c.value, c.contact_id FROM contact_claims c "
                    + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(kind, value) "
                    + "ON c.kind = k.kind AND c.value = k.value WHERE c.account_id = ?");
            statement.setArray(1, connection.createArrayOf("varchar", kinds.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", values.toArray()));
            statement.setLong(3, accountId);
            return statement;
        }, rs -> {
            holders.put(new RowMatching.Key(ClaimKind.of(rs.getString(1)), rs.getString(2)), rs.getLong(3));
        });
        return holders;
    }

    /** Which of these contacts earlier batches of the job created or updated. */
    private Set<Long> touchedBefore(long importId, Collection<Long> contacts) {
        Set<Long> touched = new HashSet<>();
        if (contacts.isEmpty()) {
            return touched;
        }
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement(
                    "SELECT contact_id FROM data_import_contacts WHERE import_id = ? AND contact_id = ANY(?)");
            statement.setLong(1, importId);
            statement.setArray(2, connection.createArrayOf("bigint", contacts.toArray()));
            return statement;
        }, rs -> {
            touched.add(rs.getLong(1));
        });
        return touched;
    }

    private void remember(long importId, Set<Long> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO data_import_contacts (import_id, contact_id) "
                    + "SELECT ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING");
            statement.setLong(1, importId);
            statement.setArray(2, connection.createArrayOf("bigint", contacts.toArray()));
            return statement;
        });
    }

    /** PostgreSQL unreachable (SQLSTATE class 08 included): not the row's fault; the job stops and resumes later. */
    private static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
