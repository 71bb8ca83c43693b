package io.contacts.query.configuration;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/** Every {@link AccountCache} of this instance, so that an announced change empties them all for its account. */
@Component
public class AccountCaches {

    private final List<AccountCache<?, ?>> caches = new CopyOnWriteArrayList<>();

    public <K, V> AccountCache<K, V> create(Duration ttl, long maximumSize, ToLongFunction<K> accountOf) {
        AccountCache<K, V> cache = new AccountCache<>(ttl, maximumSize, accountOf);
        caches.add(cache);
        return cache;
    }

    void forget(long accountId) {
        caches.forEach(cache -> cache.forgetAccount(accountId));
    }
}
