package io.contacts.command.avatar;

import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * A validated avatar image under a new, unguessable key (the key is the capability to read it, and it changes with
 * every upload, so its URL can be cached forever).
 */
public record AvatarImage(String key, String contentType, byte[] bytes) {

    /** Chatwoot's limit for contact avatars. */
    public static final long MAX_BYTES = 15L * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Refuses (422 on {@code avatar}) what is too big or not a jpeg, png, gif or webp by its content. */
    public static AvatarImage of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooBig();
        }
        String contentType = ImageType.of(bytes).orElseThrow(() -> invalid("Avatar filetype not supported"));
        return new AvatarImage(newKey(), contentType, bytes);
    }

    public static ValidationFailedException tooBig() {
        return invalid("Avatar is too big");
    }

    private static ValidationFailedException invalid(String message) {
        return new ValidationFailedException(List.of(new Violation("avatar", message)));
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
