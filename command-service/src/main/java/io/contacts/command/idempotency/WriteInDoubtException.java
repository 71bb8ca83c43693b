package io.contacts.command.idempotency;

import org.springframework.transaction.TransactionSystemException;

/**
 * A COMMIT that got no answer (the connection failed while PostgreSQL had it): the write may have committed or not.
 * A {@link TransactionSystemException}, so that Spring does not try to roll back on the dead connection.
 */
public class WriteInDoubtException extends TransactionSystemException {

    WriteInDoubtException(Throwable cause) {
        super("The commit got no answer: the write is in doubt", cause);
    }
}
