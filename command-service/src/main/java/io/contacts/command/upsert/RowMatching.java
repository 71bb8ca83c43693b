package io.contacts.command.upsert;

import io.contacts.command.contact.ContactRules;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, item after item of one batch, which contact each accepted item creates or updates: the contact holding the
 * item's value of the first kind of the match order that the item has (the CSV import: identifier, else email, else
 * phone number; a batch upsert: its {@code match_by} only); none → a new contact. An item whose unique values belong
 * to another contact than the one it updates is rejected (updating would steal from the other). Keeps its own view of
 * who holds which value up to date as items are planned, so later items of the batch see earlier ones.
 * <p>
 * Contacts are numbers: existing ones their id, new ones of this batch {@code -1, -2, ...} until ids are allocated.
 */
public final class RowMatching<T extends Upsert> {

    /** The CSV import's order (reference section 8). */
    public static final List<ClaimKind> IMPORT_ORDER =
            List.of(ClaimKind.IDENTIFIER, ClaimKind.EMAIL, ClaimKind.PHONE_NUMBER);

    public enum Outcome { CREATE, UPDATE, DUPLICATE, REJECT }

    /**
     * What to do with an item: for CREATE the new contact's number, for UPDATE/DUPLICATE the contact to update; for a
     * REJECT because of taken values, {@code holders} says who holds each.
     */
    public record Plan<T>(T row, Outcome outcome, long contact, List<Violation> violations,
                          Map<ClaimKind, Long> holders) {
    }

    public record Key(ClaimKind kind, String value) {
    }

    private final List<ClaimKind> matchOrder;
    private final Map<Key, Long> holders;
    private final Map<Long, Map<ClaimKind, String>> held = new HashMap<>();
    private final Set<Long> touched;
    private long newContacts;

    /**
     * @param holders who holds each unique value of the batch's items now (from the claims)
     * @param touched the contacts earlier items of the same job created or updated
     */
    public RowMatching(List<ClaimKind> matchOrder, Map<Key, Long> holders, Set<Long> touched) {
        this.matchOrder = List.copyOf(matchOrder);
        this.holders = new HashMap<>(holders);
        this.touched = new HashSet<>(touched);
        holders.forEach((key, contact) ->
                held.computeIfAbsent(contact, c -> new EnumMap<>(ClaimKind.class)).put(key.kind(), key.value()));
    }

    public Plan<T> plan(T row) {
        if (row.isRejected()) {
            return new Plan<>(row, Outcome.REJECT, 0, row.violations(), Map.of());
        }
        Map<ClaimKind, String> keys = row.keys();
        Long target = null;
        for (ClaimKind kind : matchOrder) {
            if (target == null && keys.containsKey(kind)) {
                target = holders.get(new Key(kind, keys.get(kind)));
            }
        }
        List<Violation> taken = new ArrayList<>();
        Map<ClaimKind, Long> takenBy = new LinkedHashMap<>();
        for (Map.Entry<ClaimKind, String> key : keys.entrySet()) {
            Long holder = holders.get(new Key(key.getKey(), key.getValue()));
            if (holder != null && !holder.equals(target)) {
                taken.add(ContactRules.taken(key.getKey()));
                takenBy.put(key.getKey(), holder);
            }
        }
        if (!taken.isEmpty()) {
            return new Plan<>(row, Outcome.REJECT, 0, taken, takenBy);
        }
        Outcome outcome;
        if (target == null) {
            target = -(++newContacts);
            outcome = Outcome.CREATE;
        } else {
            outcome = touched.contains(target) ? Outcome.DUPLICATE : Outcome.UPDATE;
        }
        touched.add(target);
        hold(target, row);
        return new Plan<>(row, outcome, target, List.of(), Map.of());
    }

    /** The contact now holds the item's values, and no longer the ones of the same kinds it held or cleared. */
    private void hold(long contact, T row) {
        Map<ClaimKind, String> current = held.computeIfAbsent(contact, c -> new EnumMap<>(ClaimKind.class));
        Map<ClaimKind, String> keys = row.keys();
        for (ClaimKind kind : ClaimKind.values()) {
            boolean sets = keys.containsKey(kind);
            if (!sets && !row.changes().has(kind.attribute())) {
                continue;
            }
            String previous = sets ? current.put(kind, keys.get(kind)) : current.remove(kind);
            if (previous != null) {
                holders.remove(new Key(kind, previous));
            }
            if (sets) {
                holders.put(new Key(kind, keys.get(kind)), contact);
            }
        }
    }
}
