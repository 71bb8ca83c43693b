package io.contacts.command.avatar;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code avatar} file part of a multipart create or update, validated before anything is written. */
public final class AvatarUploads {

    private AvatarUploads() {
    }

    /** The image of the part, or null when there is no file part. */
    public static AvatarImage read(MultipartFile part) {
        if (part == null) {
            return null;
        }
        if (part.getSize() > AvatarImage.MAX_BYTES) {
            throw AvatarImage.tooBig();
        }
        try {
            return AvatarImage.of(part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
