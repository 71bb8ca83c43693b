package io.contacts.command.upsert;

import io.contacts.command.contact.ContactIds;
import io.contacts.command.contact.CreateContact;
import io.contacts.command.contact.ReadYourWrites;
import io.contacts.command.contact.UpdateContact;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.uniqueness.JdbcContactClaims;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactState;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Creates and updates many contacts in one transaction: the commands run nested in one Axon unit of work, so their
 * events, their claims (deferred and written at the end in one go: {@link JdbcContactClaims#batched}) and the caller's
 * own bookkeeping commit together, or not at all. Each item's fate is decided before any command runs (validation
 * first, then {@link RowMatching} against the holders of its values, read in one query), so a command that fails
 * there — and rolls the whole back — is rare: a value claimed meanwhile by a concurrent write, say. Then every item is
 * applied again in a transaction of its own, so that only the item at fault fails.
 */
@Component
public class UpsertBatch {

    private static final Logger log = LoggerFactory.getLogger(UpsertBatch.class);

    /** What one item did; {@code state} is the contact after it (null when rejected). */
    public record Applied<T>(T item, RowMatching.Outcome outcome, long contactId, ContactState state,
                             boolean changed, List<Violation> violations, Map<ClaimKind, Long> holders) {

        static <T> Applied<T> rejected(T item, List<Violation> violations, Map<ClaimKind, Long> holders) {
            return new Applied<>(item, RowMatching.Outcome.REJECT, 0, null, false, violations, holders);
        }
    }

    /** The caller's part of each transaction. */
    public interface Bookkeeping<T> {

        /** Which of these contacts earlier batches of the same job touched (their items count as duplicates). */
        default Set<Long> touchedBefore(Collection<Long> contacts) {
            return Set.of();
        }

        /** In the transaction of the items' commands, after them; may throw to roll everything back. */
        void applied(List<Applied<T>> items);

        /** An item that failed alone, so nothing of it applied; in a transaction of its own. */
        void failed(Applied<T> item);

        /** Why an item that failed for no reason of its own (not a validation) was not applied. */
        Violation notApplied();

        /**
         * Whether a request waits until the items are searchable: its commands then carry the read-your-writes mark
         * ({@link ReadYourWrites#awaited}), so that the query side refreshes their bulks at once and announces them.
         */
        default boolean awaited() {
            return false;
        }

        /** A failure that must end the whole work at once rather than be retried item by item. */
        default boolean isFatal(RuntimeException failure) {
            return false;
        }
    }

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final ContactIds ids;
    private final JdbcContactClaims claims;

    UpsertBatch(CommandGateway commands, TransactionManager transactions, JdbcTemplate jdbc, ContactIds ids,
                JdbcContactClaims claims) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ids = ids;
        this.claims = claims;
    }

    /**
     * Applies the items of one account, matched in {@code matchOrder}; one result per item, in their order. A
     * PostgreSQL outage (and whatever the bookkeeping calls fatal) is thrown: nothing of the failed transaction
     * was written.
     */
    public <T extends Upsert> List<Applied<T>> apply(long accountId, List<ClaimKind> matchOrder, List<T> items,
                                                     Bookkeeping<T> books) {
        try {
            return inOneUnit(accountId, matchOrder, items, books);
        } catch (RuntimeException e) {
            if (isOutage(e) || books.isFatal(e)) {
                throw e;
            }
            log.info("A batch of {} contacts of account {} failed as a whole ({}); applying them one by one",
                    items.size(), accountId, e.toString());
        }
        List<Applied<T>> applied = new ArrayList<>(items.size());
        for (T item : items) {
            applied.add(applyAlone(accountId, matchOrder, item, books));
        }
        return applied;
    }

    private <T extends Upsert> Applied<T> applyAlone(long accountId, List<ClaimKind> matchOrder, T item,
                                                     Bookkeeping<T> books) {
        try {
            return inOneUnit(accountId, matchOrder, List.of(item), books).get(0);
        } catch (RuntimeException e) {
            if (isOutage(e) || books.isFatal(e)) {
                throw e;
            }
            if (!(e instanceof ValidationFailedException)) {
                log.warn("A contact of account {} could not be applied", accountId, e);
            }
            Applied<T> failed = Applied.rejected(item, e instanceof ValidationFailedException invalid
                    ? invalid.violations() : List.of(books.notApplied()), Map.of());
            books.failed(failed);
            return failed;
        }
    }

    private <T extends Upsert> List<Applied<T>> inOneUnit(long accountId, List<ClaimKind> matchOrder, List<T> items,
                                                          Bookkeeping<T> books) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("upsert of " + items.size()
                + " contacts of account " + accountId));
        unit.attachTransaction(transactions);
        ResultMessage<List<Applied<T>>> result = unit.executeWithResult(() -> claims.batched(() -> {
            List<Applied<T>> applied = applyAll(accountId, matchOrder, items, books);
            books.applied(applied);
            return applied;
        }));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    private <T extends Upsert> List<Applied<T>> applyAll(long accountId, List<ClaimKind> matchOrder, List<T> items,
                                                         Bookkeeping<T> books) {
        List<T> accepted = items.stream().filter(item -> !item.isRejected()).toList();
        Map<RowMatching.Key, Long> holders = holders(accountId, accepted);
        RowMatching<T> matching = new RowMatching<>(matchOrder, holders, books.touchedBefore(holders.values()));
        List<RowMatching.Plan<T>> plans = items.stream().map(matching::plan).toList();

        List<Long> newIds = ids.next((int) plans.stream()
                .filter(plan -> plan.outcome() == RowMatching.Outcome.CREATE).count());
        Map<Long, Long> contactIds = new HashMap<>();
        for (RowMatching.Plan<T> plan : plans) {
            if (plan.outcome() == RowMatching.Outcome.CREATE) {
                contactIds.put(plan.contact(), newIds.get(contactIds.size()));
            }
        }
        Map<Long, Long> sequences = sequences(plans.stream().filter(plan -> plan.contact() > 0)
                .map(RowMatching.Plan::contact).distinct().toList());
        // Commands keep their contact's lock until the whole unit of work ends: taken in one order (by contact id,
        // a contact's own items in request order) by every batch, locks never form a cycle between two batches.
        List<Integer> order = IntStream.range(0, plans.size()).boxed()
                .sorted(Comparator.comparingLong(i -> contactIds.getOrDefault(plans.get(i).contact(),
                        plans.get(i).contact())))
                .toList();
        List<Applied<T>> applied = new ArrayList<>(Collections.nCopies(plans.size(), null));
        for (int index : order) {
            RowMatching.Plan<T> plan = plans.get(index);
            T item = plan.row();
            long id = contactIds.getOrDefault(plan.contact(), plan.contact());
            switch (plan.outcome()) {
                case REJECT -> {
                    // a holder may be a contact an earlier item of this batch creates
                    Map<ClaimKind, Long> takenBy = new LinkedHashMap<>();
                    plan.holders().forEach((kind, holder) ->
                            takenBy.put(kind, contactIds.getOrDefault(holder, holder)));
                    applied.set(index, Applied.rejected(item, plan.violations(), takenBy));
                }
                case CREATE -> {
                    ContactState state = commands.sendAndWait(marked(books, new CreateContact(String.valueOf(id),
                            accountId, item.changes(), null, null, item.labels())));
                    sequences.put(id, state.sequence());
                    applied.set(index, new Applied<>(item, plan.outcome(), id, state, true, List.of(), Map.of()));
                }
                default -> {
                    // an upsert adds labels; it never removes one the contact has
                    ContactState state = commands.sendAndWait(marked(books, new UpdateContact(String.valueOf(id),
                            accountId, item.changes(), null, item.labels())));
                    Long before = sequences.put(id, state.sequence());
                    applied.set(index, new Applied<>(item, plan.outcome(), id, state,
                            before == null || state.sequence() > before, List.of(), Map.of()));
                }
            }
        }
        return applied;
    }

    private static Object marked(Bookkeeping<?> books, Object command) {
        return books.awaited() ? ReadYourWrites.awaited(command) : command;
    }

    /** Who holds each unique value of the items, in one query. */
    private Map<RowMatching.Key, Long> holders(long accountId, List<? extends Upsert> items) {
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Upsert item : items) {
            item.keys().forEach((kind, value) -> {
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

    /** The last event sequence of each of these contacts, in one query: an update that adds none changed nothing. */
    private Map<Long, Long> sequences(List<Long> contacts) {
        Map<Long, Long> sequences = new HashMap<>();
        if (contacts.isEmpty()) {
            return sequences;
        }
        jdbc.query((Connection connection) -> {
            var statement = connection.prepareStatement("SELECT aggregateidentifier, max(sequencenumber) "
                    + "FROM domainevententry WHERE aggregateidentifier = ANY(?) GROUP BY aggregateidentifier");
            statement.setArray(1, connection.createArrayOf("varchar",
                    contacts.stream().map(String::valueOf).toArray()));
            return statement;
        }, rs -> {
            sequences.put(Long.parseLong(rs.getString(1)), rs.getLong(2));
        });
        return sequences;
    }

    /** PostgreSQL unreachable (SQLSTATE class 08 included): not the item's fault; the work stops. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
