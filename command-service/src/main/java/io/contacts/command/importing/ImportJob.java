package io.contacts.command.importing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV import as stored in {@code data_imports}. {@code total} is null until the file has been read through once. */
record ImportJob(long id, long accountId, long userId, String fileName, long fileSize, String status,
                 List<String> header, Integer total, int rowsDone, int created, int updated, int duplicates,
                 int failed, String error, Instant createdAt, Instant startedAt, Instant completedAt) {

    static final String PENDING = "pending";
    static final String PROCESSING = "processing";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** The job resource of the API; {@code base} is the edge's URL of this account's data imports. */
    Map<String, Object> json(String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("data_type", "contacts");
        json.put("status", status);
        json.put("file_name", fileName);
        json.put("file_size", fileSize);
        json.put("total_records", total);
        json.put("processed_records", rowsDone - failed);
        json.put("created_records", created);
        json.put("updated_records", updated);
        json.put("duplicate_records", duplicates);
        json.put("failed_records", failed);
        json.put("progress", progress());
        json.put("error", error);
        json.put("status_url", base + "/" + id);
        json.put("failed_records_url", failed > 0 ? base + "/" + id + "/failed_records" : null);
        json.put("created_at", createdAt.getEpochSecond());
        json.put("started_at", startedAt == null ? null : startedAt.getEpochSecond());
        json.put("completed_at", completedAt == null ? null : completedAt.getEpochSecond());
        return json;
    }

    /** Percent of the rows applied; 100 once completed, even for a file without data rows. */
    int progress() {
        if (COMPLETED.equals(status)) {
            return 100;
        }
        if (total == null || total == 0) {
            return 0;
        }
        return (int) Math.min(99, (long) rowsDone * 100 / total);
    }
}
