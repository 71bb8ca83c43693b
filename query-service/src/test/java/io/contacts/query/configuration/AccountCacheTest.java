package io.contacts.query.configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCacheTest {

    private record Key(long accountId, String token) {
    }

    private final AccountCaches caches = new AccountCaches();
    private final AccountCache<Key, String> cache = caches.create(Duration.ofHours(1), 100, Key::accountId);
    private final AtomicInteger fetches = new AtomicInteger();

    private String fetch() {
        return "answer " + fetches.incrementAndGet();
    }

    @Test
    void keepsWhatItFetchedUntilItsAccountChanges() {
        Key first = new Key(1, "a");
        Key second = new Key(1, "b");
        Key other = new Key(2, "a");
        assertThat(cache.get(first, this::fetch)).isEqualTo("answer 1");
        assertThat(cache.get(second, this::fetch)).isEqualTo("answer 2");
        assertThat(cache.get(other, this::fetch)).isEqualTo("answer 3");
        assertThat(cache.get(first, this::fetch)).isEqualTo("answer 1");

        caches.forget(1);

        assertThat(cache.getIfPresent(first)).isNull();
        assertThat(cache.getIfPresent(second)).isNull();
        assertThat(cache.getIfPresent(other)).isEqualTo("answer 3");
        assertThat(cache.get(first, this::fetch)).isEqualTo("answer 4");
    }

    @Test
    void aLoadIsAlwaysAFetchAndKeepsOnlyWhatItIsAskedTo() {
        Key key = new Key(1, "a");
        cache.get(key, this::fetch);
        assertThat(cache.load(key, this::fetch, Function.identity())).isEqualTo("answer 2");
        assertThat(cache.getIfPresent(key)).isEqualTo("answer 2");

        Key refused = new Key(1, "refused");
        assertThat(cache.load(refused, () -> 401, status -> null)).isEqualTo(401);
        assertThat(cache.getIfPresent(refused)).isNull();
    }

    /** The fetch may have read the configuration before the change: its answer serves its caller but is not kept. */
    @Test
    void anAnswerFetchedAcrossAChangeIsNotKept() {
        Key key = new Key(1, "a");
        String answered = cache.get(key, () -> {
            String before = fetch();
            caches.forget(1);
            return before;
        });
        assertThat(answered).isEqualTo("answer 1");
        assertThat(cache.getIfPresent(key)).isNull();

        String unrelated = cache.get(key, () -> {
            String fetched = fetch();
            caches.forget(2);
            return fetched;
        });
        assertThat(unrelated).isEqualTo("answer 2");
        assertThat(cache.getIfPresent(key)).isNull();
    }
}
