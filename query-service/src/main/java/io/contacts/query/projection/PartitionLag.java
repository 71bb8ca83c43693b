package io.contacts.query.projection;

/**
 * How far the projection is behind on one partition: in records (end offset − committed offset) and in seconds (age
 * of the oldest record not applied yet, by its Kafka timestamp; 0 when nothing waits). A stuck partition shows both
 * growing; an idle one shows 0, however long ago its last event was.
 */
final class PartitionLag {

    private volatile long records;
    private volatile double seconds;

    static long records(long endOffset, long committedOffset) {
        return Math.max(0, endOffset - committedOffset);
    }

    /** @param oldestTimestamp of the record at the committed offset; null when it could not be read in time */
    void update(long behind, Long oldestTimestamp, long nowMillis) {
        records = behind;
        if (behind == 0) {
            seconds = 0;
        } else if (oldestTimestamp != null) {
            seconds = Math.max(0, nowMillis - oldestTimestamp) / 1000.0;
        }
        // else the previous age stays: it only underestimates the current one
    }

    long records() {
        return records;
    }

    double seconds() {
        return seconds;
    }
}
