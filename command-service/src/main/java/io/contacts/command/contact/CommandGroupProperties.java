package io.contacts.command.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code contacts.commands.group}: the most commands one transaction commits together ({@link GroupCommit}; below 2,
 * or without a committer thread, every command commits alone), how long a group waits for more after its first, and the committer threads.
 */
@ConfigurationProperties("contacts.commands.group")
record CommandGroupProperties(int maxSize, Duration maxWait, int committers) {
}
