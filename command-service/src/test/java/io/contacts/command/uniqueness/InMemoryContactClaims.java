package io.contacts.command.uniqueness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link ContactClaims} in a map, for tests of the aggregate's rules without a database. */
public class InMemoryContactClaims implements ContactClaims {

    private final Map<String, Long> owners = new HashMap<>();

    @Override
    public List<ClaimKind> claim(long accountId, long contactId, Map<ClaimKind, String> values) {
        List<ClaimKind> taken = new ArrayList<>();
        new TreeMap<>(values).forEach((kind, value) -> {
            Long owner = owners.putIfAbsent(key(accountId, kind, value), contactId);
            if (owner != null && owner != contactId) {
                taken.add(kind);
            }
        });
        return taken;
    }

    @Override
    public void release(long accountId, long contactId, Map<ClaimKind, String> values) {
        values.forEach((kind, value) -> owners.remove(key(accountId, kind, value), contactId));
    }

    @Override
    public void releaseAll(long accountId, long contactId) {
        owners.entrySet().removeIf(e -> e.getKey().startsWith(accountId + "/") && e.getValue() == contactId);
    }

    public Long owner(long accountId, ClaimKind kind, String value) {
        return owners.get(key(accountId, kind, value));
    }

    private static String key(long accountId, ClaimKind kind, String value) {
        return accountId + "/" + kind + "/" + value;
    }
}
