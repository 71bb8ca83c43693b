package io.contacts.command.idempotency;

import io.contacts.command.web.DatabaseOutage;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * The transaction manager of every write (Axon's units of work, {@code @Transactional}, TransactionTemplate): writes a
 * request's {@code Idempotency-Key} into the first read-write transaction the request commits, and tells a COMMIT that
 * got no answer ({@link WriteInDoubtException}) from a failure before it. A transaction that commits the commands of
 * several requests (a group commit) writes the key of each.
 */
class KeyedTransactionManager extends JdbcTransactionManager {

    private final transient IdempotencyKeys keys;

    KeyedTransactionManager(DataSource dataSource, IdempotencyKeys keys) {
        super(dataSource);
        this.keys = keys;
        // the transaction's originator decides: a group commit keeps the commands of its transaction whose own
        // command failed before it wrote anything (a missing contact, a value taken), so a participant's failure
        // must not doom the whole transaction; every other failure still propagates and rolls it back
        setGlobalRollbackOnParticipationFailure(false);
    }

    @Override
    protected void prepareForCommit(DefaultTransactionStatus status) {
        if (!status.isNewTransaction() || status.isReadOnly()) {
            return;
        }
        for (IdempotentWrite write : IdempotentWrite.committing()) {
            if (write.needsKey()) {
                if (!keys.claim(write.scope(), write.fingerprint())) {
                    throw new KeyTakenException();
                }
                write.keyWritten();
            }
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                throw new WriteInDoubtException(e);
            }
            throw e;
        }
        IdempotentWrite.committing().forEach(IdempotentWrite::transactionCommitted);
    }

    /**
     * A rollback on a connection that a timeout or PostgreSQL closed cannot be sent, and need not be: the server ends a
     * transaction whose connection is gone without committing it. Said as a connection failure (SQLSTATE 08003), so
     * that the request answers "nothing written" instead of an internal error.
     */
    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        IdempotentWrite.committing().forEach(IdempotentWrite::transactionRolledBack);
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (isClosed(status)) {
                throw new TransactionSystemException("Rolled back by PostgreSQL: the connection is gone",
                        new SQLNonTransientConnectionException(e.getMessage(), "08003", e));
            }
            throw e;
        }
    }

    private static boolean isClosed(DefaultTransactionStatus status) {
        try {
            return ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection()
                    .isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }
}
