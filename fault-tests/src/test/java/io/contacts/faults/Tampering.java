package io.contacts.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Edits a contact's Elasticsearch document behind the projection's back, to show that the convergence check catches
 * a divergent copy; closing puts the original back. Both writes keep the document's version
 * ({@code version_type=external_gte}), so the projection applies the contact's next event as it would have.
 */
final class Tampering implements AutoCloseable {

    private final long id;
    private final long version;
    private final JsonNode original;

    private Tampering(long id) {
        this.id = id;
        JsonNode doc = Convergence.elasticsearch("POST", "/contacts/_mget", Api.write(Map.of("ids", List.of(id))))
                .path("docs").path(0);
        this.version = doc.path("_version").asLong();
        this.original = doc.path("_source");
    }

    static Tampering renameInElasticsearch(long id) {
        Tampering tampering = new Tampering(id);
        ObjectNode renamed = tampering.original.deepCopy();
        renamed.put("name", "tampered");
        tampering.write(renamed);
        return tampering;
    }

    private void write(JsonNode source) {
        Convergence.elasticsearch("PUT", "/contacts/_doc/" + id + "?version=" + version + "&version_type=external_gte",
                Api.write(source));
    }

    @Override
    public void close() {
        write(original);
    }
}
