package io.contacts.command.uniqueness;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ContactClaims} in the table {@code contact_claims}, through the DataSource the Axon event store uses, so that
 * within a command (whose Spring transaction Axon opens) claims and appended events commit or roll back together.
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

    @Override
    public List<ClaimKind> claim(long accountId, long contactId, Map<ClaimKind, String> values) {
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
        values.forEach((kind, value) -> jdbc.update(RELEASE, accountId, kind.attribute(), value, contactId));
    }

    @Override
    public void releaseAll(long accountId, long contactId) {
        jdbc.update(RELEASE_ALL, accountId, contactId);
    }
}
