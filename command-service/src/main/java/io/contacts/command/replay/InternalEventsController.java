package io.contacts.command.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.contacts.command.web.ApiException;
import io.contacts.events.ContactEventType;
import io.contacts.events.json.ContactEventJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The event store as contract events, in contact order and in pages with a cursor (docs/internals.md): what the
 * query-service rebuilds its projection from without reading PostgreSQL. Each event carries what the Kafka record
 * carries (the CloudEvents type, contact, account, sequence, time and the contract's JSON body), no Axon types.
 */
@RestController
class InternalEventsController {

    static final int MAX_LIMIT = 10_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final StoredEvents events;

    InternalEventsController(StoredEvents events) {
        this.events = events;
    }

    @GetMapping(value = "/internal/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> page(@RequestParam(required = false) String after,
                                @RequestParam(defaultValue = "1000") int limit) throws IOException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        ReplayCursor cursor;
        try {
            cursor = ReplayCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<StoredEvents.Stored> page = events.after(cursor, limit);
        ByteArrayOutputStream body = new ByteArrayOutputStream(page.size() * 512 + 64);
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (StoredEvents.Stored stored : page) {
                if (stored.event() != null) {
                    write(json, stored);
                }
            }
            json.writeEndArray();
            // a short page is the end of the store (as of this read)
            if (page.size() < limit) {
                json.writeNullField("next");
            } else {
                StoredEvents.Stored last = page.get(page.size() - 1);
                json.writeStringField("next", new ReplayCursor(last.aggregateId(), last.sequence()).toString());
            }
            json.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toByteArray());
    }

    private static void write(JsonGenerator json, StoredEvents.Stored stored) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", ContactEventType.of(stored.event()).type());
        json.writeNumberField("contact_id", stored.event().contactId());
        json.writeNumberField("account_id", stored.event().accountId());
        json.writeNumberField("sequence", stored.sequence());
        json.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(stored.time()));
        json.writeFieldName("data");
        json.writeRawValue(new String(ContactEventJson.write(stored.event()), StandardCharsets.UTF_8));
        json.writeEndObject();
    }
}
