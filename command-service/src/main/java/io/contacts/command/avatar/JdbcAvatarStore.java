package io.contacts.command.avatar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link AvatarStore} in the table {@code contact_avatars}, through the DataSource of the event store. */
@Component
public class JdbcAvatarStore implements AvatarStore {

    private final JdbcTemplate jdbc;

    public JdbcAvatarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(long accountId, long contactId, AvatarImage image) {
        remove(accountId, contactId);
        jdbc.update("INSERT INTO contact_avatars (avatar_key, account_id, contact_id, content_type, bytes) "
                + "VALUES (?, ?, ?, ?, ?)", image.key(), accountId, contactId, image.contentType(), image.bytes());
    }

    @Override
    public void remove(long accountId, long contactId) {
        jdbc.update("DELETE FROM contact_avatars WHERE account_id = ? AND contact_id = ?", accountId, contactId);
    }

    @Override
    public Optional<StoredAvatar> find(String key) {
        return jdbc.query("SELECT content_type, bytes FROM contact_avatars WHERE avatar_key = ?",
                (rs, row) -> new StoredAvatar(rs.getString(1), rs.getBytes(2)), key).stream().findFirst();
    }
}
