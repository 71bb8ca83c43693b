package io.contacts.query.configuration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A copy of something the command-service owns about an account, kept until the account's configuration changes
 * ({@link ConfigurationChangeListener}) or, when no announcement comes (Kafka away), until the TTL. A load that
 * overlaps an announcement is used by its own request but not kept, since it may have read the state before it.
 */
public final class AccountCache<K, V> {

    private final Cache<K, V> cache;
    private final ToLongFunction<K> accountOf;
    private final AtomicLong changes = new AtomicLong();

    AccountCache(Duration ttl, long maximumSize, ToLongFunction<K> accountOf) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.accountOf = accountOf;
    }

    /** The kept copy, or what {@code fetch} answers (then kept). */
    public V get(K key, Supplier<V> fetch) {
        V kept = cache.getIfPresent(key);
        return kept != null ? kept : load(key, fetch, Function.identity());
    }

    /** The kept copy, or null. */
    public V getIfPresent(K key) {
        return cache.getIfPresent(key);
    }

    /**
     * Fetches again whatever is kept and answers the fetched answer; keeps {@code toKeep} of it (null keeps nothing,
     * e.g. a refusal).
     */
    public <R> R load(K key, Supplier<R> fetch, Function<R, V> toKeep) {
        long seen = changes.get();
        R fetched = fetch.get();
        V kept = toKeep.apply(fetched);
        if (kept != null) {
            // put first, then look: a change counted after this look empties the cache after the put, so sees it
            cache.put(key, kept);
            if (changes.get() != seen) {
                cache.asMap().remove(key, kept);
            }
        }
        return fetched;
    }

    void forgetAccount(long accountId) {
        changes.incrementAndGet();
        cache.asMap().keySet().removeIf(key -> accountOf.applyAsLong(key) == accountId);
    }
}
