package io.contacts.command.uniqueness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims and releases of many commands, written at the end in two set-based statements instead of a few round trips
 * per command. Only the net effect on each value counts: its first operation, when a release, frees the value a
 * contact held before the batch; its last operation, when a claim, is the holder it must have after the batch. A value
 * that one contact of the batch claimed, or that a contact held when the batch read it ({@link #held}), is taken for
 * the others until that contact releases it.
 */
final class ClaimBatch {

    record Value(long accountId, ClaimKind kind, String value) {
    }

    /** A claim or release of a value by a contact. */
    record Operation(boolean claim, long contactId) {
    }

    private final Map<Value, Operation> first = new LinkedHashMap<>();
    private final Map<Value, Operation> last = new LinkedHashMap<>();
    private final Map<Value, Long> held = new HashMap<>();

    /** Who held the value when the batch read it: a claim by another contact is refused at once. */
    void held(Value value, long contactId) {
        held.put(value, contactId);
    }

    /** Records the claims and returns no kind, or, recording nothing, the kinds another contact claimed in the batch. */
    List<ClaimKind> claim(long accountId, long contactId, Map<ClaimKind, String> values) {
        List<ClaimKind> taken = new ArrayList<>();
        values.forEach((kind, value) -> {
            Value claimed = new Value(accountId, kind, value);
            Operation latest = last.get(claimed);
            Long holder = latest == null ? held.get(claimed) : latest.claim() ? latest.contactId() : null;
            if (holder != null && holder != contactId) {
                taken.add(kind);
            }
        });
        if (taken.isEmpty()) {
            values.forEach((kind, value) -> record(new Value(accountId, kind, value), new Operation(true, contactId)));
        }
        return taken;
    }

    void release(long accountId, long contactId, Map<ClaimKind, String> values) {
        values.forEach((kind, value) -> record(new Value(accountId, kind, value), new Operation(false, contactId)));
    }

    /**
     * Releases every value the contact holds: those it claimed in the batch, and those it held when the batch read them
     * (the caller deletes what it held before the batch at once).
     */
    void releaseAll(long accountId, long contactId) {
        List<Value> released = new ArrayList<>();
        last.forEach((value, operation) -> {
            if (value.accountId() == accountId && operation.claim() && operation.contactId() == contactId) {
                released.add(value);
            }
        });
        held.forEach((value, holder) -> {
            if (value.accountId() == accountId && holder == contactId && !last.containsKey(value)) {
                released.add(value);
            }
        });
        released.forEach(value -> record(value, new Operation(false, contactId)));
    }

    /** The batch as it is now, to go back to with {@link #restore} when a command of the batch fails. */
    ClaimBatch copy() {
        ClaimBatch copy = new ClaimBatch();
        copy.held.putAll(held);
        copy.first.putAll(first);
        copy.last.putAll(last);
        return copy;
    }

    void restore(ClaimBatch copy) {
        first.clear();
        first.putAll(copy.first);
        last.clear();
        last.putAll(copy.last);
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
