package io.contacts.query.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/** Decides access through the command-service, remembering grants for a few seconds; refusals are never kept. */
@Component
class AccessChecker {

    private record Key(String tokenHash, String accountId) {
    }

    private final CommandServiceAccessClient client;
    private final Cache<Key, AccessDecision.Granted> grants;

    AccessChecker(CommandServiceAccessClient client, AccessProperties properties) {
        this.client = client;
        this.grants = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize()).build();
    }

    AccessDecision check(String token, String accountId, String clientAddress) {
        if (token == null) {
            // never granted, so nothing to remember; the command-service words the refusal
            return client.check(null, accountId, clientAddress);
        }
        Key key = new Key(TokenDigest.sha256(token), accountId);
        AccessDecision.Granted granted = grants.getIfPresent(key);
        if (granted != null) {
            return granted;
        }
        AccessDecision decision = client.check(token, accountId, clientAddress);
        if (decision instanceof AccessDecision.Granted g) {
            grants.put(key, g);
        }
        return decision;
    }
}
