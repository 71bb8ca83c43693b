package io.contacts.command.avatar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link AvatarStore} for aggregate tests: one image per contact. */
public class InMemoryAvatarStore implements AvatarStore {

    private final Map<Long, AvatarImage> byContact = new LinkedHashMap<>();

    @Override
    public void replace(long accountId, long contactId, AvatarImage image) {
        byContact.put(contactId, image);
    }

    @Override
    public void remove(long accountId, long contactId) {
        byContact.remove(contactId);
    }

    @Override
    public Optional<StoredAvatar> find(String key) {
        return byContact.values().stream().filter(image -> image.key().equals(key)).findFirst()
                .map(image -> new StoredAvatar(image.contentType(), image.bytes()));
    }

    public Optional<AvatarImage> of(long contactId) {
        return Optional.ofNullable(byContact.get(contactId));
    }
}
