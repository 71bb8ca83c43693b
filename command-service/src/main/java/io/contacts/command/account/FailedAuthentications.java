package io.contacts.command.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Failed token authentications per client address: each address may fail {@code limit} times per {@code period}
 * (a bucket refilled in full at the end of each period); once its bucket is empty every {@code /api/v1} request from
 * it is refused until the refill, so guessing cannot go on with a token that looks valid. Missing tokens and valid
 * tokens on another account are not counted. At most {@code maxAddresses} buckets are kept (the least recently used
 * go first), so an attacker rotating addresses cannot grow memory without bound.
 */
@Component
public class FailedAuthentications {

    private final long limit;
    private final Duration period;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    @Autowired
    FailedAuthentications(@Value("${contacts.auth-failures.limit}") long limit,
                          @Value("${contacts.auth-failures.period}") Duration period,
                          @Value("${contacts.auth-failures.max-addresses}") long maxAddresses) {
        this(limit, period, maxAddresses, TimeMeter.SYSTEM_MILLISECONDS);
    }

    FailedAuthentications(long limit, Duration period, long maxAddresses, TimeMeter clock) {
        this.limit = limit;
        this.period = period;
        this.clock = clock;
        // an address idle for a whole period has a full bucket again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(maxAddresses).expireAfterAccess(period).build();
    }

    /** Refuses a client address whose failures used up its bucket. */
    void checkAllowed(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw new TooManyFailedAuthentications(Math.max(1, Duration.ofNanos(nanos).toSeconds()
                    + (nanos % 1_000_000_000L == 0 ? 0 : 1)));
        }
    }

    long rememberedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    void failed(String address) {
        buckets.get(address, key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, period))
                .withCustomTimePrecision(clock).build()).tryConsume(1);
    }
}
