package io.contacts.query.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A projection rebuild as stored in its index and rendered by the API. {@code step} tells where a running job is;
 * {@code contacts} and {@code events} count what the event-store stream gave, {@code caught_up_events} the Kafka
 * records applied after it. Times are epoch milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record RebuildJob(long id, String status, String step, boolean switchAlias, boolean keepOldIndex, String newIndex,
                  String oldIndex, long contacts, long events, long caughtUpEvents, Long createdAt,
                  Long completedAt, Long leaseUntil, String error) {

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    RebuildJob step(String next, long now, long lease) {
        return new RebuildJob(id, status, next, switchAlias, keepOldIndex, newIndex, oldIndex, contacts, events,
                caughtUpEvents, createdAt, completedAt, now + lease, error);
    }

    RebuildJob progress(long streamedContacts, long streamedEvents, long caughtUp, long now, long lease) {
        return new RebuildJob(id, status, step, switchAlias, keepOldIndex, newIndex, oldIndex, streamedContacts,
                streamedEvents, caughtUp, createdAt, completedAt, now + lease, error);
    }

    RebuildJob indices(String created, String previous) {
        return new RebuildJob(id, status, step, switchAlias, keepOldIndex, created, previous, contacts, events,
                caughtUpEvents, createdAt, completedAt, leaseUntil, error);
    }

    RebuildJob ended(String endStatus, String failure, long now) {
        return new RebuildJob(id, endStatus, step, switchAlias, keepOldIndex, newIndex, oldIndex, contacts, events,
                caughtUpEvents, createdAt, now, null, failure);
    }

    boolean running(long now) {
        return RUNNING.equals(status) && leaseUntil != null && leaseUntil > now;
    }

    /** Contacts per second from the request to the end (or to now). */
    double contactsPerSecond(long now) {
        long end = completedAt == null ? now : completedAt;
        return end <= createdAt ? 0 : contacts * 1000.0 / (end - createdAt);
    }
}
