package io.contacts.query.elasticsearch;

/** What an Elasticsearch call is for: each use has its own time limit, and those on request threads a bulkhead. */
public enum ElasticsearchUse {
    /** Interactive reads and the small writes of a request (export jobs): within the read bound. */
    READ,
    /** Heartbeats and online lookups. */
    PRESENCE,
    /** The projector's bulks and realtime gets. */
    PROJECTION,
    /** The refresh that makes a projected bulk searchable. */
    REFRESH,
    /** A rebuild's bulks into its new index. */
    REBUILD,
    /** An export's point-in-time walk. */
    EXPORT,
    /** Index creation, alias switches and the operator endpoints' job records. */
    ADMIN
}
