package io.contacts.query.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What deep pages (past the result window, {@link Landmarks}) may take of Elasticsearch, so that other readers keep
 * their latency: a deep page visits every hit of its result, a page within the window stops early.
 *
 * @param concurrency how many deep pages are served at once; the others wait
 * @param maxWait     how long a deep page waits for its turn (within the request's budget), then answers 503
 * @param walkers     how many walks (the first deep request of a result) run at once, on their own threads
 */
@ConfigurationProperties("contacts.search.deep")
public record DeepPageLimits(int concurrency, Duration maxWait, int walkers) {

    public DeepPageLimits {
        if (concurrency < 1 || walkers < 1) {
            throw new IllegalArgumentException("contacts.search.deep.concurrency and .walkers must be positive, were "
                    + concurrency + " and " + walkers);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("contacts.search.deep.max-wait must be zero or more, was " + maxWait);
        }
    }
}
