package io.contacts.command.idempotency;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;

/**
 * A request with an {@code Idempotency-Key} that is being executed (no earlier request with its key was found): the
 * key is written in the first transaction the request commits ({@link KeyedTransactionManager}).
 */
final class IdempotentWrite {

    static final String ATTRIBUTE = IdempotentWrite.class.getName();

    private final KeyScope scope;
    private final RequestFingerprint fingerprint;
    private boolean inTransaction;
    private boolean committed;

    IdempotentWrite(KeyScope scope, RequestFingerprint fingerprint) {
        this.scope = scope;
        this.fingerprint = fingerprint;
    }

    /** The write of the current request thread, if it carries a key. */
    static Optional<IdempotentWrite> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((IdempotentWrite) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    KeyScope scope() {
        return scope;
    }

    byte[] fingerprint() {
        return fingerprint.value();
    }

    /** Whether the key still has to go into the transaction about to commit. */
    boolean needsKey() {
        return !committed;
    }

    void keyWritten() {
        inTransaction = true;
    }

    void transactionCommitted() {
        committed |= inTransaction;
        inTransaction = false;
    }

    /** Whether the key committed with this request's write. */
    boolean committed() {
        return committed;
    }
}
