package io.contacts.query.exporting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * An export job as stored in the exports index (docs/internals.md). {@code payload} is the filter DSL as sent (JSON
 * text) and is translated again when the job runs; times are epoch milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record ExportJob(long id, long accountId, long userId, String userEmail, ExportStatus status, List<String> columnNames,
                 String payload, String label, Long totalRecords, long exportedRecords, String error,
                 long createdAt, Long startedAt, Long completedAt, long leaseUntil) {

    static ExportJob requested(long id, long accountId, long userId, String userEmail, List<String> columnNames,
                               String payload, String label, long now, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.PENDING, columnNames, payload, label,
                null, 0, null, now, null, null, leaseUntil);
    }

    /** (Re)started from the first row. */
    ExportJob started(long now, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.PROCESSING, columnNames, payload, label,
                null, 0, null, createdAt, now, null, leaseUntil);
    }

    ExportJob progressed(long total, long exported, long leaseUntil) {
        return new ExportJob(id, accountId, userId, userEmail, status, columnNames, payload, label, total, exported,
                null, createdAt, startedAt, null, leaseUntil);
    }

    ExportJob completed(long now) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.COMPLETED, columnNames, payload, label,
                totalRecords == null ? exportedRecords : totalRecords, exportedRecords, null, createdAt, startedAt,
                now, leaseUntil);
    }

    ExportJob failed(String reason, long now) {
        return new ExportJob(id, accountId, userId, userEmail, ExportStatus.FAILED, columnNames, payload, label,
                totalRecords, exportedRecords, reason, createdAt, startedAt, now, leaseUntil);
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
