package io.contacts.query.elasticsearch;

import java.io.IOException;

/** A use's bulkhead is full: as many request threads as it allows wait on Elasticsearch already. */
class ElasticsearchBusyException extends IOException {

    ElasticsearchBusyException(ElasticsearchUse use, int concurrency) {
        super(concurrency + " " + use.name().toLowerCase() + " calls wait on Elasticsearch already");
    }
}
