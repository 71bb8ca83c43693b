package io.contacts.command.avatar;

/** Why no avatar could be downloaded from an {@code avatar_url}. */
public class AvatarDownloadException extends RuntimeException {

    public AvatarDownloadException(String message) {
        super(message);
    }
}
