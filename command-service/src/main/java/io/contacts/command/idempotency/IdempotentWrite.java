package io.contacts.command.idempotency;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request with an {@code Idempotency-Key} that is being executed (no earlier request with its key was found): the
 * key is written in the first transaction the request commits ({@link KeyedTransactionManager}). Commands of several
 * requests committed together by another thread carry their writes there ({@link #during}).
 */
public final class IdempotentWrite {

    static final String ATTRIBUTE = IdempotentWrite.class.getName();
    private static final ThreadLocal<List<IdempotentWrite>> CARRIED = new ThreadLocal<>();

    private final KeyScope scope;
    private final RequestFingerprint fingerprint;
    private boolean inTransaction;
    private boolean committed;

    IdempotentWrite(KeyScope scope, RequestFingerprint fingerprint) {
        this.scope = scope;
        this.fingerprint = fingerprint;
    }

    /** The write of the current request thread, if it carries a key. */
    public static Optional<IdempotentWrite> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((IdempotentWrite) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** Runs {@code work}, whose transactions commit the commands of {@code writes}' requests, on this thread. */
    public static <T> T during(List<IdempotentWrite> writes, Supplier<T> work) {
        CARRIED.set(writes);
        try {
            return work.get();
        } finally {
            CARRIED.remove();
        }
    }

    /** The writes whose keys go into a transaction committed on this thread. */
    static List<IdempotentWrite> committing() {
        List<IdempotentWrite> carried = CARRIED.get();
        return carried != null ? carried : current().map(List::of).orElse(List.of());
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

    void transactionRolledBack() {
        inTransaction = false;
    }

    /** Whether the key committed with this request's write. */
    boolean committed() {
        return committed;
    }
}
