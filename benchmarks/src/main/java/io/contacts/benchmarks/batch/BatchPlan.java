package io.contacts.benchmarks.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.benchmarks.write.WriteBodies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches a client of the batch benchmark sends, as an integration syncing its records does: half of each batch
 * new contacts (full bodies: name, email, phone number, identifier, attributes), half updates of the contacts its
 * previous batch created (new name, city and plan, found by their key), matched by email in even batches and by
 * identifier in odd ones. A client's first batch is all new. Contacts are numbered across the run, so that no two
 * clients touch the same contact.
 */
final class BatchPlan {

    static final String MATCH_BY_EMAIL = "email";
    static final String MATCH_BY_IDENTIFIER = "identifier";

    /** One request: its body, the contacts it creates and those it updates (by number). */
    record Batch(String matchBy, String json, List<Integer> created, List<Integer> updated) {

        int size() {
            return created.size() + updated.size();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final WriteBodies bodies;
    private final int size;
    private final AtomicInteger next;

    BatchPlan(WriteBodies bodies, int size, AtomicInteger next) {
        this.bodies = bodies;
        this.size = size;
        this.next = next;
    }

    /** The client's batch number {@code b}, after the batch before it (null for its first). */
    Batch batch(int b, Batch previous) {
        String matchBy = b % 2 == 0 ? MATCH_BY_EMAIL : MATCH_BY_IDENTIFIER;
        List<Integer> updated = previous == null ? List.of()
                : previous.created().subList(0, Math.min(size / 2, previous.created().size()));
        List<Integer> created = new ArrayList<>();
        for (int i = updated.size(); i < size; i++) {
            created.add(next.getAndIncrement());
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("match_by", matchBy);
        ArrayNode contacts = body.putArray("contacts");
        for (int contact : updated) {
            ObjectNode update = read(bodies.update(contact));
            update.put(matchBy, matchBy.equals(MATCH_BY_EMAIL) ? bodies.email(contact) : bodies.identifier(contact));
            contacts.add(update);
        }
        for (int contact : created) {
            contacts.add(read(bodies.create(contact)));
        }
        return new Batch(matchBy, body.toString(), List.copyOf(created), List.copyOf(updated));
    }

    WriteBodies bodies() {
        return bodies;
    }

    /** The name an update gave the contact: what search must find once its batch answered. */
    String updatedName(int contact) {
        return read(bodies.update(contact)).path("name").asText();
    }

    private ObjectNode read(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
