package io.contacts.query.contact;

import io.contacts.query.projection.ContactDocument;
import io.contacts.query.projection.ProjectionProgress;
import io.contacts.query.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a contact's document has reached a sequence and is searchable. Woken by this instance's projector
 * after each bulk; a low-frequency re-check of Elasticsearch (non-realtime reads see refreshed documents only)
 * covers documents that another instance wrote. No thread is held while waiting.
 */
@Component
public class ContactAwaiter {

    private static final Logger log = LoggerFactory.getLogger(ContactAwaiter.class);

    private final ProjectionProgress progress;
    private final ContactReader reader;
    private final AsyncTaskExecutor executor;

    ContactAwaiter(ProjectionProgress progress, ContactReader reader,
                   @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.progress = progress;
        this.reader = reader;
        this.executor = executor;
    }

    /**
     * @return the searchable document (any account, maybe a tombstone) once its sequence is at least
     * {@code minSequence}; fails with {@link ProjectionTimeoutException} after the timeout
     */
    public CompletableFuture<ContactDocument> await(long contactId, long minSequence, Duration timeout) {
        CompletableFuture<Optional<ContactDocument>> reached = progress.awaitSequence(contactId, minSequence);
        try {
            reader.findSearchable(contactId).ifPresent(progress::reached);
        } catch (ServiceUnavailableException e) {
            reached.cancel(false);
            throw e;
        }
        return reached.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((document, failure) -> {
                    if (failure != null) {
                        throw new ProjectionTimeoutException();
                    }
                    return document;
                })
                // a sequence seen by the re-check comes without its document
                .thenApplyAsync(document -> document.orElseGet(() ->
                        reader.findSearchable(contactId).orElseThrow(ContactNotFoundException::new)), executor);
    }

    @Scheduled(fixedDelayString = "${contacts.await.recheck-interval}")
    void recheck() {
        Set<Long> awaited = progress.awaitedContacts();
        if (awaited.isEmpty()) {
            return;
        }
        try {
            reader.searchableSequences(awaited).forEach(progress::reached);
        } catch (ServiceUnavailableException e) {
            log.debug("Re-check of awaited contacts failed, trying again later: {}", e.getMessage());
        }
    }
}
