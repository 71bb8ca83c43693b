package io.contacts.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.events.json.ContactEventJson;
import io.contacts.query.access.CommandServiceLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-service's event stream (docs/internals.md, {@code GET /internal/v1/events}): the event store in contact
 * order, as contract events, a page at a time. The query side never reads PostgreSQL.
 */
@Component
class StoredEventPages {

    /** Events in contact order, and the cursor of the next page (null at the end). */
    record Page(List<EventRecord> events, String next) {
    }

    private final RestClient client;
    private final URI commandUrl;
    private final ObjectMapper mapper;

    /** A page of thousands of events takes longer than an interactive call: its own read timeout. */
    StoredEventPages(RestClient.Builder builder, @Value("${contacts.rebuild.command-url}") URI commandUrl,
                     ObjectMapper mapper, CommandServiceLimits limits) {
        this.client = builder.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(
                ClientHttpRequestFactorySettings.defaults().withReadTimeout(limits.rebuildPageTimeout()))).build();
        this.commandUrl = commandUrl;
        this.mapper = mapper;
    }

    Page after(String cursor, int limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(commandUrl).replacePath("/internal/v1/events")
                .queryParam("limit", limit);
        if (cursor != null) {
            uri.queryParam("after", cursor);
        }
        JsonNode body = client.get().uri(uri.encode().build().toUri()).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class);
        List<EventRecord> events = new ArrayList<>(body.path("events").size());
        for (JsonNode event : body.path("events")) {
            try {
                events.add(new EventRecord(ContactEventJson.read(event.path("type").asText(),
                        mapper.writeValueAsBytes(event.path("data"))), event.path("sequence").asLong(),
                        Instant.parse(event.path("time").asText())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode next = body.path("next");
        return new Page(events, next.isTextual() ? next.asText() : null);
    }
}
