package io.contacts.query.exporting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * An export job as stored in the exports index (docs/internals.md). {@code payload} is the filter DSL as sent (JSON
 * text) and is translated again when the job runs; times are epoch milliseconds. A job requested with an
 * {@code Idempotency-Key} keeps the key and its request's fingerprint ({@link ExportKey}); others have null there.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record ExportJob(long id, long accountId, long userId, String userEmail, ExportStatus status, List<String> columnNames,
                 String payload, String label, Long totalRecords, long exportedRecords, String error,
                 long createdAt, Long startedAt, Long completedAt, long leaseUntil, String idempotencyKey,
                 String requestFingerprint) {

    /** Job ids stay exact in JavaScript clients. */
    static final long MAX_ID = 1L << 53;

    static ExportJob requested(long id, long accountId, long userId, String userEmail, List<String> columnNames,
                               String payload, String label, long now, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.PENDING, columnNames, payload, label,
                null, 0, null, now, null, null, leaseUntil, null, null);
    }

    /** Requested with this key: a retry with the key answers this job. */
    ExportJob keyed(ExportKey key) {
        return new ExportJob(id, accountId, userId, userEmail, status, columnNames, payload, label, totalRecords,
                exportedRecords, error, createdAt, startedAt, completedAt, leaseUntil, key.key().value(),
                key.fingerprint());
    }

    /** (Re)started from the first row. */
    ExportJob started(long now, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.PROCESSING, columnNames, payload, label,
                null, 0, null, createdAt, now, null, leaseUntil, idempotencyKey, requestFingerprint);
    }

    ExportJob progressed(long total, long exported, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, status, columnNames, payload, label, total, exported,
                null, createdAt, startedAt, null, leaseUntil, idempotencyKey, requestFingerprint);
    }

    ExportJob completed(long now) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.COMPLETED, columnNames, payload, label,
                totalRecords == null ? exportedRecords : totalRecords, exportedRecords, null, createdAt, startedAt,
                now, leaseUntil, idempotencyKey, requestFingerprint);
    }

    ExportJob failed(String reason, long now) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.FAILED, columnNames, payload, label,
                totalRecords, exportedRecords, reason, createdAt, startedAt, now, leaseUntil, idempotencyKey,
                requestFingerprint);
    }

    boolean finished() {
        return status == ExportStatus.COMPLETED || status == ExportStatus.FAILED;
    }

    /** 0–100; a completed job is 100 even when it had no rows. */
    int progress() {
        if (status == ExportStatus.COMPLETED) {
            return 100;
        }
        if (totalRecords == null || totalRecords == 0) {
            return 0;
        }
        return (int) Math.min(100, exportedRecords * 100 / totalRecords);
    }
}
