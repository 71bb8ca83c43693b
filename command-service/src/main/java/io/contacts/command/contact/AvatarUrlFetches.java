package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarDownloader;
import io.contacts.command.avatar.AvatarImage;
import io.contacts.events.ContactState;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the {@code avatar_url} of a create or update after the write, in the background (the response does not
 * wait), and changes the avatar with the same command path as an upload. Failures are logged and dropped.
 */
@Component
class AvatarUrlFetches {

    private static final Logger log = LoggerFactory.getLogger(AvatarUrlFetches.class);

    private final AvatarDownloader downloader;
    private final ContactCommands commands;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), runnable -> {
                Thread thread = new Thread(runnable, "avatar-url-fetch");
                thread.setDaemon(true);
                return thread;
            });

    AvatarUrlFetches(AvatarDownloader downloader, ContactCommands commands) {
        this.downloader = downloader;
        this.commands = commands;
    }

    /** Does nothing when {@code url} is null. */
    void fetchLater(ContactState contact, String url) {
        if (url == null) {
            return;
        }
        try {
            executor.execute(() -> fetch(contact, url));
        } catch (RejectedExecutionException e) {
            log.warn("Dropping the avatar_url of contact {}: too many fetches queued", contact.contactId());
        }
    }

    private void fetch(ContactState contact, String url) {
        try {
            AvatarImage image = downloader.download(url);
            commands.send(new ChangeAvatar(String.valueOf(contact.contactId()), contact.accountId(), image));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("No avatar from avatar_url of contact {}: {}", contact.contactId(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
