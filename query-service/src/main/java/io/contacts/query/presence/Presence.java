package io.contacts.query.presence;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.contacts.query.elasticsearch.ElasticsearchClients;
import io.contacts.query.elasticsearch.ElasticsearchUse;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.query.elasticsearch.ElasticsearchCalls.call;

/**
 * Who is online: heartbeats written to the presence index and read back against the window, always with this
 * service's clock. Reads of given contacts are realtime gets (a heartbeat counts the moment it is answered);
 * the list of everyone online is a search, which sees a heartbeat once it is refreshed — the heartbeat waits for that.
 */
@Component
public class Presence {

    /** The presence index keeps Elasticsearch's default index.max_result_window. */
    private static final int HOP = 10_000;

    private final ElasticsearchClient client;
    private final PresenceIndex index;
    private final PresenceWindow window;
    private final int maxListed;

    Presence(ElasticsearchClients clients, PresenceIndex index, PresenceWindow window,
             @Value("${contacts.presence.max-listed}") int maxListed) {
        this.client = clients.of(ElasticsearchUse.PRESENCE);
        this.index = index;
        this.window = window;
        this.maxListed = maxListed;
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
        return onlineAmong(Map.of(accountId, contactIds));
    }

    /** The ids among the contacts of these accounts that are online now, with one multi-get. */
    public Set<Long> onlineAmong(Map<Long, ? extends Collection<Long>> contactIdsByAccount) {
        Set<Long> online = new HashSet<>();
        List<String> ids = contactIdsByAccount.entrySet().stream().flatMap(account -> account.getValue().stream()
                .map(id -> PresenceDocument.id(account.getKey(), id))).distinct().toList();
        if (ids.isEmpty()) {
            return online;
        }
        index.ensureCreated();
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

    /**
     * The ids of the account's contacts online now (deleted ones included: the contacts index filters them), at most
     * {@code contacts.presence.max-listed} of them (the lowest ids), read in {@code search_after} hops.
     */
    public List<Long> onlineIds(long accountId) {
        index.ensureCreated();
        String after = String.valueOf(window.onlineAfterMillis(Instant.now()));
        Query online = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("account_id").value(accountId)))
                .filter(f -> f.range(r -> r.date(d -> d.field("last_seen_at").gt(after).format("epoch_millis"))))));
        List<Long> ids = new ArrayList<>();
        List<FieldValue> last = List.of();
        while (ids.size() < maxListed) {
            int hop = Math.min(HOP, maxListed - ids.size());
            List<FieldValue> from = last;
            SearchResponse<PresenceDocument> response = call(() -> client.search(s -> {
                // the id is the sort value: no source to fetch and decode for tens of thousands of hits
                s.index(index.alias()).query(online).size(hop).trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.fetch(false))
                        .sort(o -> o.field(f -> f.field("contact_id").order(SortOrder.Asc)));
                return from.isEmpty() ? s : s.searchAfter(from);
            }, PresenceDocument.class));
            List<Hit<PresenceDocument>> hits = response.hits().hits();
            hits.forEach(hit -> ids.add(hit.sort().get(0).longValue()));
            if (hits.size() < hop) {
                break;
            }
            last = hits.get(hits.size() - 1).sort();
        }
        return ids;
    }

}
