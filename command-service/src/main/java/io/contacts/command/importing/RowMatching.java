package io.contacts.command.importing;

import io.contacts.command.contact.ContactRules;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, row after row of one batch, which contact each accepted row creates or updates (reference section 8):
 * the contact holding the row's identifier, else its email, else its phone number; none → a new contact. A row whose
 * unique values belong to two different contacts is rejected (updating one would steal from the other). Keeps its own
 * view of who holds which value up to date as rows are planned, so later rows of the batch see earlier ones.
 * <p>
 * Contacts are numbers: existing ones their id, new ones of this batch {@code -1, -2, ...} until ids are allocated.
 */
final class RowMatching {

    private static final List<ClaimKind> MATCH_ORDER =
            List.of(ClaimKind.IDENTIFIER, ClaimKind.EMAIL, ClaimKind.PHONE_NUMBER);

    enum Outcome { CREATE, UPDATE, DUPLICATE, REJECT }

    /** What to do with a row: for CREATE the new contact's number, for UPDATE/DUPLICATE the contact to update. */
    record Plan(ImportRow row, Outcome outcome, long contact, List<Violation> violations) {
    }

    record Key(ClaimKind kind, String value) {
    }

    private final Map<Key, Long> holders;
    private final Map<Long, Map<ClaimKind, String>> held = new HashMap<>();
    private final Set<Long> touched;
    private long newContacts;

    /**
     * @param holders who holds each unique value of the batch's rows now (from the claims)
     * @param touched the contacts earlier rows of the same file created or updated
     */
    RowMatching(Map<Key, Long> holders, Set<Long> touched) {
        this.holders = new HashMap<>(holders);
        this.touched = new HashSet<>(touched);
        holders.forEach((key, contact) ->
                held.computeIfAbsent(contact, c -> new EnumMap<>(ClaimKind.class)).put(key.kind(), key.value()));
    }

    Plan plan(ImportRow row) {
        if (row.isRejected()) {
            return new Plan(row, Outcome.REJECT, 0, row.violations());
        }
        Map<ClaimKind, String> keys = row.keys();
        Long target = null;
        for (ClaimKind kind : MATCH_ORDER) {
            if (target == null && keys.containsKey(kind)) {
                target = holders.get(new Key(kind, keys.get(kind)));
            }
        }
        List<Violation> taken = new ArrayList<>();
        for (Map.Entry<ClaimKind, String> key : keys.entrySet()) {
            Long holder = holders.get(new Key(key.getKey(), key.getValue()));
            if (holder != null && !holder.equals(target)) {
                taken.add(ContactRules.taken(key.getKey()));
            }
        }
        if (!taken.isEmpty()) {
            return new Plan(row, Outcome.REJECT, 0, taken);
        }
        Outcome outcome;
        if (target == null) {
            target = -(++newContacts);
            outcome = Outcome.CREATE;
        } else {
            outcome = touched.contains(target) ? Outcome.DUPLICATE : Outcome.UPDATE;
        }
        touched.add(target);
        hold(target, keys);
        return new Plan(row, outcome, target, List.of());
    }

    /** The contact now holds these values, and no longer the ones of the same kinds it held before. */
    private void hold(long contact, Map<ClaimKind, String> keys) {
        Map<ClaimKind, String> current = held.computeIfAbsent(contact, c -> new EnumMap<>(ClaimKind.class));
        keys.forEach((kind, value) -> {
            String previous = current.put(kind, value);
            if (previous != null) {
                holders.remove(new Key(kind, previous));
            }
            holders.put(new Key(kind, value), contact);
        });
    }
}
