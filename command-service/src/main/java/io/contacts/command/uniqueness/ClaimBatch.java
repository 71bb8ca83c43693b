package io.contacts.command.uniqueness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claims and releases of many commands, written at the end in two set-based statements instead of a few round trips
 * per command. Only the net effect on each value counts: its first operation, when a release, frees the value a
 * contact held before the batch; its last operation, when a claim, is the holder it must have after the batch.
 */
final class ClaimBatch {

    record Value(long accountId, ClaimKind kind, String value) {
    }

    /** A claim or release of a value by a contact. */
    record Operation(boolean claim, long contactId) {
    }

    private final Map<Value, Operation> first = new LinkedHashMap<>();
    private final Map<Value, Operation> last = new LinkedHashMap<>();

    void claim(long accountId, long contactId, Map<ClaimKind, String> values) {
        values.forEach((kind, value) -> record(new Value(accountId, kind, value), new Operation(true, contactId)));
    }

    void release(long accountId, long contactId, Map<ClaimKind, String> values) {
        values.forEach((kind, value) -> record(new Value(accountId, kind, value), new Operation(false, contactId)));
    }

    private void record(Value value, Operation operation) {
        first.putIfAbsent(value, operation);
        last.put(value, operation);
    }

    /** Values to delete from their holder before the claims: (value, the contact that held it). */
    Map<Value, Long> releases() {
        Map<Value, Long> releases = new LinkedHashMap<>();
        first.forEach((value, operation) -> {
            if (!operation.claim()) {
                releases.put(value, operation.contactId());
            }
        });
        return releases;
    }

    /** Values and the contact that must hold each after the batch. */
    Map<Value, Long> claims() {
        Map<Value, Long> claims = new LinkedHashMap<>();
        last.forEach((value, operation) -> {
            if (operation.claim()) {
                claims.put(value, operation.contactId());
            }
        });
        return claims;
    }

    boolean isEmpty() {
        return first.isEmpty();
    }
}
