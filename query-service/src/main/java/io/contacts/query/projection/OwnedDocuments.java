package io.contacts.query.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contacts.events.ContactCreated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The documents the live projector last wrote for the contacts its listeners own (their partitions), so that a batch
 * folds onto them instead of reading them back: a realtime get of a document not refreshed yet makes Elasticsearch
 * refresh its internal reader. An entry is only a shortcut, never the truth: a contact is read from Elasticsearch
 * whenever its next event does not follow on from its entry (another writer went further: a dead-letter replay, a
 * rebuild's repair, another instance before a rebalance), and a revocation, an alias switch, a replay or a repair
 * drops entries. A batch that read before such a drop keeps nothing of what it wrote.
 */
@Component
class OwnedDocuments {

    private final Cache<Long, ContactDocument> documents;
    /** Counts the drops, so that a batch can tell whether one happened since it read. */
    private long generation;
    /** The concrete index the kept documents were written to: another one means the alias was switched. */
    private String index;

    OwnedDocuments(@Value("${contacts.projection.documents-in-memory}") long size) {
        this.documents = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** What a batch folds onto, and the drop count it read at. */
    record Read(Map<Long, ContactDocument> documents, long generation) {
    }

    /**
     * The current documents of these contacts (absent: none): the kept one when the contact's events follow on from
     * it, none when they follow on from nothing (they start with the create), the others read with {@code read}.
     */
    Read current(Map<Long, List<EventRecord>> byContact, Function<Collection<Long>, Map<Long, ContactDocument>> read) {
        long at = generation();
        Map<Long, ContactDocument> current = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        byContact.forEach((contactId, events) -> {
            ContactDocument kept = documents.getIfPresent(contactId);
            if (kept != null && followOn(kept.sequence(), events)) {
                current.put(contactId, kept);
            } else if (kept == null && events.get(0).event() instanceof ContactCreated && followOn(-1, events)) {
                // nothing comes before a create: a redelivered one folds to a version Elasticsearch has (a conflict)
                return;
            } else {
                unknown.add(contactId);
            }
        });
        if (!unknown.isEmpty()) {
            current.putAll(read.apply(unknown));
        }
        return new Read(current, at);
    }

    /**
     * Whether no event skips past the sequence reached so far: a skip means that someone else may have written the
     * events between (or that they were lost upstream, which the fold reports), so the document is read instead.
     */
    private static boolean followOn(long sequence, List<EventRecord> events) {
        long reached = sequence;
        for (EventRecord event : events) {
            if (event.sequence() > reached + 1) {
                return false;
            }
            reached = Math.max(reached, event.sequence());
        }
        return true;
    }

    /**
     * Keeps these documents as written into {@code concrete}, unless something was dropped since {@code read}. A
     * concrete index other than the last one drops everything: the alias was switched (a rebuild, maybe by another
     * instance), and the documents of the new index are read once.
     */
    synchronized void keep(Read read, String concrete, Collection<ContactDocument> written) {
        if (concrete != null && !concrete.equals(index)) {
            if (index != null) {
                generation++;
                documents.invalidateAll();
            }
            index = concrete;
        }
        if (read.generation() == generation) {
            written.forEach(document -> documents.put(document.id(), document));
        }
    }

    /** Forgets these contacts: Elasticsearch may have another document for them. */
    synchronized void drop(Collection<Long> contactIds) {
        generation++;
        documents.invalidateAll(contactIds);
    }

    /** Forgets every contact. */
    synchronized void dropAll() {
        generation++;
        documents.invalidateAll();
    }

    private synchronized long generation() {
        return generation;
    }
}
