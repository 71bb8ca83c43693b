package io.contacts.query.presence;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * Who is online: heartbeats written to the presence index and read back against the window, always with this
 * service's clock. Reads of given contacts are realtime gets (a heartbeat counts the moment it is answered);
 * the list of everyone online is a search, which sees a heartbeat once it is refreshed — the heartbeat waits for that.
 */
@Component
public class Presence {

    /** Elasticsearch's default index.max_result_window: the most online contacts one account can list. */
    static final int MAX_ONLINE = 10_000;

    private final ElasticsearchClient client;
    private final PresenceIndex index;
    private final PresenceWindow window;

    Presence(ElasticsearchClients clients, PresenceIndex index, PresenceWindow window) {
        this.client = clients.of(ElasticsearchUse.PRESENCE);
        this.index = index;
        this.window = window;
    }

    /** Records a heartbeat now; returns once list searches see it. */
    public void heartbeat(long accountId, long contactId) {
        index.ensureCreated();
        PresenceDocument document = new PresenceDocument(accountId, contactId, Instant.now().toEpochMilli());
        call(() -> client.index(i -> i.index(index.alias()).id(PresenceDocument.id(accountId, contactId))
                .document(document).refresh(Refresh.WaitFor)));
    }

    public boolean isOnline(long accountId, long contactId) {
        return !onlineAmong(accountId, List.of(contactId)).isEmpty();
    }

    /** The ids among {@code contactIds} that are online now, with one multi-get. */
    public Set<Long> onlineAmong(long accountId, Collection<Long> contactIds) {
        Set<Long> online = new HashSet<>();
        if (contactIds.isEmpty()) {
            return online;
        }
        index.ensureCreated();
        List<String> ids = contactIds.stream().map(id -> PresenceDocument.id(accountId, id)).distinct().toList();
        MgetResponse<PresenceDocument> response = call(() -> client.mget(m -> m.index(index.alias()).ids(ids),
                PresenceDocument.class));
        Instant now = Instant.now();
        for (MultiGetResponseItem<PresenceDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new ServiceUnavailableException("Elasticsearch cannot read presence: "
                        + item.failure().error().reason(), null);
            }
            PresenceDocument document = item.result().source();
            if (item.result().found() && document != null
                    && window.isOnline(document.lastSeenAt(), now)) {
                online.add(document.contactId());
            }
        }
        return online;
    }

    /** The ids of the account's contacts online now (deleted ones included: the contacts index filters them). */
    public List<Long> onlineIds(long accountId) {
        index.ensureCreated();
        String after = String.valueOf(window.onlineAfterMillis(Instant.now()));
        SearchResponse<PresenceDocument> response = call(() -> client.search(s -> s.index(index.alias())
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("account_id").value(accountId)))
                        .filter(f -> f.range(r -> r.date(d -> d.field("last_seen_at").gt(after)
                                .format("epoch_millis"))))))
                .size(MAX_ONLINE), PresenceDocument.class));
        return response.hits().hits().stream().filter(hit -> hit.source() != null)
                .map(hit -> hit.source().contactId()).toList();
    }

}
