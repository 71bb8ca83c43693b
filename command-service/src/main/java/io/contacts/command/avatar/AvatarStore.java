package io.contacts.command.avatar;

import java.util.Optional;

/**
 * The avatar images of contacts, written in the caller's transaction (a command's), so that an avatar row and the
 * event naming it commit or roll back together.
 */
public interface AvatarStore {

    /** Makes {@code image} the contact's only avatar (earlier ones are deleted). */
    void replace(long accountId, long contactId, AvatarImage image);

    /** Deletes the contact's avatars, if any. */
    void remove(long accountId, long contactId);

    /** The image stored under {@code key}. */
    Optional<StoredAvatar> find(String key);

    record StoredAvatar(String contentType, byte[] bytes) {
    }
}
