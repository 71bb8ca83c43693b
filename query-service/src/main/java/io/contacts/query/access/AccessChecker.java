package io.contacts.query.access;

import io.contacts.query.configuration.AccountCache;
import io.contacts.query.configuration.AccountCaches;
import org.springframework.stereotype.Component;

/**
 * Decides access through the command-service, remembering grants until the account's members change (or for the
 * TTL when that announcement does not come); refusals are never kept.
 */
@Component
class AccessChecker {

    private record Key(String tokenHash, String accountId) {

        /** As the command-service reads it ("007" is account 7); it grants nothing else. */
        long account() {
            return accountId.matches("\\d{1,18}") ? Long.parseLong(accountId) : -1;
        }
    }

    private final CommandServiceAccessClient client;
    private final AccountCache<Key, AccessDecision.Granted> grants;

    AccessChecker(CommandServiceAccessClient client, AccessProperties properties, AccountCaches caches) {
        this.client = client;
        this.grants = caches.create(properties.cacheTtl(), properties.cacheSize(), Key::account);
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
        return grants.load(key, () -> client.check(token, accountId, clientAddress),
                decision -> decision instanceof AccessDecision.Granted g ? g : null);
    }
}
