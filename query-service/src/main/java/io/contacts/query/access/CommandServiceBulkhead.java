package io.contacts.query.access;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.time.Duration;

/**
 * Every RestClient of this service calls the command-service: at most {@link CommandServiceLimits#concurrency()}
 * threads wait on it at once; one more call fails at once (an IOException, so a 503 like an unreachable
 * command-service) instead of holding a request thread that other requests need.
 */
@Component
class CommandServiceBulkhead implements RestClientCustomizer, ClientHttpRequestInterceptor {

    private final Bulkhead bulkhead;

    CommandServiceBulkhead(CommandServiceLimits limits) {
        this.bulkhead = Bulkhead.of("command-service", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.concurrency()).maxWaitDuration(Duration.ZERO).build());
    }

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptor(this);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!bulkhead.tryAcquirePermission()) {
            throw new IOException(bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                    + " calls wait on the command-service already");
        }
        try {
            return execution.execute(request, body);
        } finally {
            bulkhead.onComplete();
        }
    }
}
