package io.contacts.query.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.contacts.query.access.AccessProperties;
import io.contacts.query.access.CommandServiceAccessClient;
import io.contacts.query.access.TokenDigest;
import io.contacts.query.configuration.AccountCache;
import io.contacts.query.configuration.AccountCaches;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.util.List;

/**
 * The inboxes a caller may see in an account (all for administrators, their memberships for agents), asked of the
 * command-service, which owns inboxes ({@code GET /internal/v1/accounts/{a}/inboxes}, docs/internals.md), and kept
 * as access grants are: until the account's configuration changes, at most {@code contacts.access.cache-ttl}.
 */
@Component
class VisibleInboxes {

    private record Key(String tokenHash, long accountId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Answer(List<VisibleInbox> payload) {
    }

    private final RestClient client;
    private final URI commandUrl;
    private final AccountCache<Key, List<VisibleInbox>> cache;

    VisibleInboxes(RestClient.Builder builder, AccessProperties properties, AccountCaches caches) {
        this.client = builder.build();
        this.commandUrl = properties.commandUrl();
        this.cache = caches.create(properties.cacheTtl(), properties.cacheSize(), Key::accountId);
    }

    /** Called after the access filter let the token in, so anything but 200 means the command-service failed. */
    List<VisibleInbox> of(String token, long accountId) {
        return cache.get(new Key(TokenDigest.sha256(token), accountId), () -> fetch(token, accountId));
    }

    private List<VisibleInbox> fetch(String token, long accountId) {
        try {
            Answer answer = client.get().uri(commandUrl.resolve("/internal/v1/accounts/" + accountId + "/inboxes"))
                    .accept(MediaType.APPLICATION_JSON)
                    .header(CommandServiceAccessClient.TOKEN_HEADER, token)
                    .retrieve().body(Answer.class);
            return answer == null || answer.payload() == null ? List.of() : answer.payload();
        } catch (RestClientException e) {
            throw new ServiceUnavailableException("The command-service cannot list inboxes: " + e.getMessage(), e);
        }
    }
}
