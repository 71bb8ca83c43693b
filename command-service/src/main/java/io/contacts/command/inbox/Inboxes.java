package io.contacts.command.inbox;

import io.contacts.command.account.AccountMember;
import io.contacts.command.account.Role;
import io.contacts.command.configuration.ConfigurationChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inboxes of accounts and their members, in PostgreSQL; every change is announced to the query-service, which
 * lists the inboxes a caller may see ({@link ConfigurationChanges}).
 */
@Component
public class Inboxes {

    private static final String COLUMNS = "id, account_id, name, channel_type, channel_id, medium, email, "
            + "phone_number, created_at, updated_at";
    private static final RowMapper<Inbox> ROW = (rs, n) -> new Inbox(rs.getLong("id"), rs.getLong("account_id"),
            rs.getString("name"), ChannelType.of(rs.getString("channel_type")).orElseThrow(),
            rs.getLong("channel_id"), rs.getString("medium"), rs.getString("email"), rs.getString("phone_number"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;
    private final ConfigurationChanges changes;

    Inboxes(JdbcTemplate jdbc, ConfigurationChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** In a transaction, which carries the request's Idempotency-Key with it. */
    @Transactional
    Inbox create(long accountId, String name, ChannelType type, String medium, String email, String phoneNumber) {
        Inbox created = jdbc.queryForObject("INSERT INTO inboxes (account_id, name, channel_type, medium, email, "
                + "phone_number) VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, ROW,
                accountId, name, type.value(), medium, email, phoneNumber);
        changes.changed(accountId);
        return created;
    }

    /** The inbox if it belongs to the account. */
    public Optional<Inbox> find(long accountId, long inboxId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ? AND id = ?", ROW,
                accountId, inboxId).stream().findFirst();
    }

    /** What the member may see: every inbox for administrators, the inboxes they belong to for agents. */
    List<Inbox> visibleTo(AccountMember member) {
        if (member.role() == Role.ADMINISTRATOR) {
            return jdbc.query("SELECT " + COLUMNS + " FROM inboxes WHERE account_id = ? ORDER BY id", ROW,
                    member.accountId());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM inboxes i WHERE account_id = ? AND EXISTS "
                + "(SELECT 1 FROM inbox_members m WHERE m.inbox_id = i.id AND m.user_id = ?) ORDER BY id", ROW,
                member.accountId(), member.userId());
    }

    public boolean visibleTo(AccountMember member, Inbox inbox) {
        return member.role() == Role.ADMINISTRATOR || !jdbc.queryForList(
                "SELECT 1 FROM inbox_members WHERE inbox_id = ? AND user_id = ?", Integer.class, inbox.id(),
                member.userId()).isEmpty();
    }

    /** Those of the users who are not members of the account. */
    List<Long> strangers(long accountId, Collection<Long> userIds) {
        List<Long> members = jdbc.queryForList("SELECT user_id FROM account_users WHERE account_id = ?", Long.class,
                accountId);
        return userIds.stream().filter(id -> !members.contains(id)).toList();
    }

    @Transactional
    void addMembers(Inbox inbox, Collection<Long> userIds) {
        userIds.forEach(userId -> jdbc.update("INSERT INTO inbox_members (inbox_id, user_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", inbox.id(), userId));
        changes.changed(inbox.accountId());
    }

    @Transactional
    void removeMembers(Inbox inbox, Collection<Long> userIds) {
        userIds.forEach(userId -> jdbc.update("DELETE FROM inbox_members WHERE inbox_id = ? AND user_id = ?",
                inbox.id(), userId));
        changes.changed(inbox.accountId());
    }

    /** The inbox's members as Chatwoot lists agents: id, name, email, role. */
    List<Map<String, Object>> members(Inbox inbox) {
        return jdbc.queryForList("SELECT u.id, u.name, u.email, au.role FROM inbox_members m "
                + "JOIN users u ON u.id = m.user_id "
                + "JOIN account_users au ON au.user_id = u.id AND au.account_id = ? "
                + "WHERE m.inbox_id = ? ORDER BY u.id", inbox.accountId(), inbox.id());
    }
}
