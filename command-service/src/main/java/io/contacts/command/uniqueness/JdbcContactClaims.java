package io.contacts.command.uniqueness;

import io.contacts.command.contact.ContactRules;
import io.contacts.command.web.ValidationFailedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link ContactClaims} in the table {@code contact_claims}, through the DataSource the Axon event store uses, so that
 * within a command (whose Spring transaction Axon opens) claims and appended events commit or roll back together.
 * Within {@link #batched} the claims of many commands are deferred and written at its end (see {@link ClaimBatch}).
 */
@Component
public class JdbcContactClaims implements ContactClaims {

    private static final String INSERT = "INSERT INTO contact_claims (account_id, kind, value, contact_id) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, kind, value) DO NOTHING";
    private static final String OWNER = "SELECT contact_id FROM contact_claims "
            + "WHERE account_id = ? AND kind = ? AND value = ?";
    private static final String RELEASE = "DELETE FROM contact_claims "
            + "WHERE account_id = ? AND kind = ? AND value = ? AND contact_id = ?";
    private static final String RELEASE_ALL = "DELETE FROM contact_claims WHERE account_id = ? AND contact_id = ?";

    private final JdbcTemplate jdbc;

    public JdbcContactClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code work}, which must be inside a transaction, with the claims and releases of its commands deferred:
     * they answer "not taken" at once (unless another contact claimed the value earlier in the work, or held it when
     * {@link #readHolders} read it) and are written
     * when the work is done, in two statements. If a value turns out to be held by another contact then, a
     * {@link ValidationFailedException} fails the whole work (the caller rolls back and may redo it command by command,
     * with the exact answers).
     */
    public <T> T batched(Supplier<T> work) {
        ClaimBatch batch = new ClaimBatch();
        TransactionSynchronizationManager.bindResource(this, batch);
        try {
            T result = work.get();
            write(batch);
            return result;
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /**
     * Within {@link #batched} work: reads who holds these values now (one query), so that a command claiming a value
     * another contact holds is refused at once instead of failing the whole work at its end.
     */
    public void readHolders(Collection<UniqueValue> values) {
        ClaimBatch batch = batch(this);
        if (values.isEmpty()) {
            return;
        }
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement("SELECT c.account_id, c.kind, c.value, "
                    + "c.contact_id FROM contact_claims c JOIN unnest(?::bigint[], ?::varchar[], ?::varchar[]) "
                    + "AS k(account_id, kind, value) ON c.account_id = k.account_id AND c.kind = k.kind "
                    + "AND c.value = k.value");
            statement.setArray(1, connection.createArrayOf("bigint",
                    values.stream().map(UniqueValue::accountId).toArray()));
            statement.setArray(2, connection.createArrayOf("varchar",
                    values.stream().map(value -> value.kind().attribute()).toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", values.stream().map(UniqueValue::value).toArray()));
            return statement;
        }, rs -> {
            batch.held(new ClaimBatch.Value(rs.getLong(1), ClaimKind.of(rs.getString(2)), rs.getString(3)),
                    rs.getLong(4));
        });
    }

    /**
     * Runs {@code command} within {@link #batched} work; when it throws, the claims and releases it made are forgotten,
     * as its own transaction's rollback would have undone them.
     */
    public <T> T undoneOnFailure(Supplier<T> command) {
        ClaimBatch batch = batch(this);
        ClaimBatch before = batch.copy();
        try {
            return command.get();
        } catch (RuntimeException e) {
            batch.restore(before);
            throw e;
        }
    }

    private static ClaimBatch batch(Object key) {
        return (ClaimBatch) TransactionSynchronizationManager.getResource(key);
    }

    private void write(ClaimBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<ClaimBatch.Value, Long> releases = batch.releases();
        TreeMap<ClaimBatch.Value, Long> claims = new TreeMap<>(Comparator.comparing(ClaimBatch.Value::accountId)
                .thenComparing(ClaimBatch.Value::kind).thenComparing(ClaimBatch.Value::value));
        claims.putAll(batch.claims());
        List<ClaimKind> taken = jdbc.execute((Connection connection) -> {
            if (!releases.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM contact_claims c USING "
                        + "unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[]) AS r(account_id, kind, value, "
                        + "contact_id) WHERE c.account_id = r.account_id AND c.kind = r.kind AND c.value = r.value "
                        + "AND c.contact_id = r.contact_id")) {
                    bind(connection, delete, releases);
                    delete.executeUpdate();
                }
            }
            if (claims.isEmpty()) {
                return List.of();
            }
            // rows in one fixed order (the primary key's), so that two batches never deadlock each other
            List<ClaimBatch.Value> inserted = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_claims (account_id, "
                    + "kind, value, contact_id) SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], "
                    + "?::bigint[]) AS w(account_id, kind, value, contact_id) ORDER BY account_id, kind, value "
                    + "ON CONFLICT DO NOTHING RETURNING account_id, kind, value")) {
                bind(connection, insert, claims);
                try (var rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new ClaimBatch.Value(rs.getLong(1), ClaimKind.of(rs.getString(2)),
                                rs.getString(3)));
                    }
                }
            }
            Map<ClaimBatch.Value, Long> existing = new TreeMap<>(claims.comparator());
            existing.putAll(claims);
            inserted.forEach(existing::remove);
            if (existing.isEmpty()) {
                return List.of();
            }
            // held already: by the same contact is fine. A new statement sees what concurrent writers committed.
            List<ClaimKind> conflicts = new ArrayList<>();
            try (PreparedStatement holders = connection.prepareStatement("SELECT w.kind FROM unnest(?::bigint[], "
                    + "?::varchar[], ?::varchar[], ?::bigint[]) AS w(account_id, kind, value, contact_id) "
                    + "LEFT JOIN contact_claims c ON c.account_id = w.account_id AND c.kind = w.kind "
                    + "AND c.value = w.value WHERE c.contact_id IS DISTINCT FROM w.contact_id")) {
                bind(connection, holders, existing);
                try (var rs = holders.executeQuery()) {
                    while (rs.next()) {
                        conflicts.add(ClaimKind.of(rs.getString(1)));
                    }
                }
            }
            return conflicts;
        });
        if (taken != null && !taken.isEmpty()) {
            throw new ValidationFailedException(taken.stream().distinct().map(ContactRules::taken).toList());
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Map<ClaimBatch.Value, Long> rows)
            throws SQLException {
        List<ClaimBatch.Value> values = new ArrayList<>(rows.keySet());
        statement.setArray(1, connection.createArrayOf("bigint",
                values.stream().map(ClaimBatch.Value::accountId).toArray()));
        statement.setArray(2, connection.createArrayOf("varchar",
                values.stream().map(value -> value.kind().attribute()).toArray()));
        statement.setArray(3, connection.createArrayOf("varchar", values.stream().map(ClaimBatch.Value::value).toArray()));
        statement.setArray(4, connection.createArrayOf("bigint", values.stream().map(rows::get).toArray()));
    }

    @Override
    public List<ClaimKind> claim(long accountId, long contactId, Map<ClaimKind, String> values) {
        ClaimBatch batch = batch(this);
        if (batch != null) {
            return batch.claim(accountId, contactId, values);
        }
        List<ClaimKind> taken = new ArrayList<>();
        // one fixed order of inserts for every command keeps concurrent claimers from deadlocking each other
        new TreeMap<>(values).forEach((kind, value) -> {
            if (!claimOne(accountId, contactId, kind, value)) {
                taken.add(kind);
            }
        });
        return taken;
    }

    private boolean claimOne(long accountId, long contactId, ClaimKind kind, String value) {
        // The insert waits while another transaction holds the same key uncommitted; on a conflict the owner is read
        // in a new statement (a fresh snapshot that sees that commit). If the owner released it meanwhile, try again.
        while (true) {
            if (jdbc.update(INSERT, accountId, kind.attribute(), value, contactId) == 1) {
                return true;
            }
            List<Long> owner = jdbc.queryForList(OWNER, Long.class, accountId, kind.attribute(), value);
            if (!owner.isEmpty()) {
                return owner.get(0) == contactId;
            }
        }
    }

    @Override
    public void release(long accountId, long contactId, Map<ClaimKind, String> values) {
        ClaimBatch batch = batch(this);
        if (batch != null) {
            batch.release(accountId, contactId, values);
            return;
        }
        values.forEach((kind, value) -> jdbc.update(RELEASE, accountId, kind.attribute(), value, contactId));
    }

    @Override
    public void releaseAll(long accountId, long contactId) {
        ClaimBatch batch = batch(this);
        if (batch != null) {
            batch.releaseAll(accountId, contactId);
        }
        jdbc.update(RELEASE_ALL, accountId, contactId);
    }
}
