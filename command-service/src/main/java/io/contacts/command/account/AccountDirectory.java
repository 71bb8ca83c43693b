package io.contacts.command.account;

import io.contacts.command.configuration.ConfigurationChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, users, their tokens and memberships in PostgreSQL; a change of membership is announced to the
 * query-service, which caches access grants ({@link ConfigurationChanges}).
 */
@Component
class AccountDirectory {

    private final JdbcTemplate jdbc;
    private final ConfigurationChanges changes;

    AccountDirectory(JdbcTemplate jdbc, ConfigurationChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** In a transaction, which carries the request's Idempotency-Key with it. */
    @Transactional
    long createAccount(String name) {
        return jdbc.queryForObject("INSERT INTO accounts (name) VALUES (?) RETURNING id", Long.class, name);
    }

    /** Creates the user and stores the hash of its first token; a taken email is a DuplicateKeyException. */
    @Transactional
    long createUser(String name, String email, String passwordHash, String token) {
        long id = jdbc.queryForObject("INSERT INTO users (name, email, password_hash) VALUES (?, ?, ?) RETURNING id",
                Long.class, name, email, passwordHash);
        jdbc.update("INSERT INTO access_tokens (token_sha256, user_id) VALUES (?, ?)", AccessTokens.sha256(token), id);
        return id;
    }

    boolean accountExists(long accountId) {
        return !jdbc.queryForList("SELECT 1 FROM accounts WHERE id = ?", Integer.class, accountId).isEmpty();
    }

    boolean userExists(long userId) {
        return !jdbc.queryForList("SELECT 1 FROM users WHERE id = ?", Integer.class, userId).isEmpty();
    }

    String userEmail(long userId) {
        return jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, userId);
    }

    /** Adds the user to the account, or changes the role of a member (as Chatwoot's platform API does). */
    @Transactional
    void putMember(long accountId, long userId, Role role) {
        jdbc.update("INSERT INTO account_users (account_id, user_id, role) VALUES (?, ?, ?) "
                + "ON CONFLICT (account_id, user_id) DO UPDATE SET role = EXCLUDED.role", accountId, userId,
                role.value());
        changes.changed(accountId);
    }

    /** Takes the user out of the account and its inboxes, as Chatwoot does; false when the user was no member. */
    @Transactional
    boolean removeMember(long accountId, long userId) {
        jdbc.update("DELETE FROM inbox_members m USING inboxes i WHERE m.inbox_id = i.id AND i.account_id = ? "
                + "AND m.user_id = ?", accountId, userId);
        boolean removed = jdbc.update("DELETE FROM account_users WHERE account_id = ? AND user_id = ?", accountId,
                userId) == 1;
        if (removed) {
            changes.changed(accountId);
        }
        return removed;
    }
}
