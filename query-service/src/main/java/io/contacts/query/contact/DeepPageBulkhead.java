package io.contacts.query.contact;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Admits deep pages a few at a time ({@link DeepPageLimits}): sixteen clients paging at depth then queue behind each
 * other instead of taking Elasticsearch's cores from every other reader.
 */
@Component
class DeepPageBulkhead {

    private final Bulkhead bulkhead;

    DeepPageBulkhead(DeepPageLimits limits) {
        this.bulkhead = Bulkhead.of("deep-pages", BulkheadConfig.custom().maxConcurrentCalls(limits.concurrency())
                .maxWaitDuration(limits.maxWait()).build());
    }

    <T> T admit(Supplier<T> page) {
        try {
            return bulkhead.executeSupplier(page);
        } catch (BulkheadFullException e) {
            throw new DeepPageBusyException(bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                    + " deep pages are being served already", Duration.ofSeconds(1));
        }
    }
}
