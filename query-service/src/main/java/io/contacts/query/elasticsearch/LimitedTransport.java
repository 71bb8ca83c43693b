package io.contacts.query.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import io.contacts.query.web.RequestDeadline;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.elasticsearch.client.RequestOptions;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The shared transport (one connection pool) with one use's time limit on each call and, for the uses that request
 * threads make, a Resilience4j bulkhead that refuses at once ({@link ElasticsearchBusyException}, an IOException
 * like any unreachable Elasticsearch) rather than hold one more thread. On a request's thread a call gets at most
 * what the request has left ({@link RequestDeadline}).
 */
final class LimitedTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport shared;
    private final ElasticsearchUse use;
    private final TransportOptions options;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final Bulkhead bulkhead;

    LimitedTransport(ElasticsearchTransport shared, ElasticsearchUse use, ElasticsearchLimits limits) {
        this.shared = shared;
        this.use = use;
        ElasticsearchLimits.Limit limit = limits.of(use);
        this.connectTimeout = limits.connectTimeout();
        this.timeout = limit.timeout();
        this.options = withTimeouts(shared.options(), connectTimeout, timeout);
        this.bulkhead = limit.concurrency() == null ? null : Bulkhead.of("elasticsearch-" + use.name().toLowerCase(),
                BulkheadConfig.custom().maxConcurrentCalls(limit.concurrency()).maxWaitDuration(Duration.ZERO)
                        .build());
    }

    /** Socket timeout: no byte for that long ends the call (a frozen node sends none). */
    private static TransportOptions withTimeouts(TransportOptions base, Duration connect, Duration timeout) {
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout((int) connect.toMillis())
                .setConnectionRequestTimeout((int) connect.toMillis())
                .setSocketTimeout((int) timeout.toMillis())
                .build();
        RestClientOptions restOptions = base instanceof RestClientOptions rest ? rest
                : new RestClientOptions(RequestOptions.DEFAULT, false);
        return new RestClientOptions(restOptions.restClientRequestOptions().toBuilder().setRequestConfig(config)
                .build(), restOptions.keepResponseBodyOnException());
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions callOptions) throws IOException {
        TransportOptions effective = callOptions != null ? callOptions : withinRequest();
        if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
            throw new ElasticsearchBusyException(use, bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        }
        try {
            return shared.performRequest(request, endpoint, effective);
        } catch (SocketTimeoutException | ConnectTimeoutException e) {
            RequestDeadline.spend();
            throw e;
        } finally {
            if (bulkhead != null) {
                bulkhead.onComplete();
            }
        }
    }

    private TransportOptions withinRequest() throws IOException {
        Duration left = RequestDeadline.remaining().orElse(timeout);
        if (left.compareTo(timeout) >= 0) {
            return options;
        }
        if (left.toMillis() <= 0) {
            throw new IOException("the request's time for Elasticsearch is spent");
        }
        return withTimeouts(options, connectTimeout.compareTo(left) < 0 ? connectTimeout : left, left);
    }

    /** Holds no thread while it waits: no bulkhead. */
    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions callOptions) {
        return shared.performRequestAsync(request, endpoint, callOptions == null ? options : callOptions);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return shared.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return options;
    }

    /** The shared transport is closed with the application context. */
    @Override
    public void close() {
    }
}
