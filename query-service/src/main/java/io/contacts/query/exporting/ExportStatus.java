package io.contacts.query.exporting;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The life of an export job; the wire names are the import's. */
enum ExportStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("processing") PROCESSING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED
}
