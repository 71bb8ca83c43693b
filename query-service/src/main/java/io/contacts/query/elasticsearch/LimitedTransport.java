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
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        Duration limit = callOptions != null ? timeout : withinRequest();
        TransportOptions effective = callOptions != null ? callOptions
                : limit.equals(timeout) ? options : withTimeouts(options, min(connectTimeout, limit), limit);
        if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
            throw new ElasticsearchBusyException(use, bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        }
        try {
            // a request's thread waits to the millisecond; the other uses' limits are long, and their large answers
            // are decoded on their own threads rather than on the HTTP client's few I/O threads
            return bulkhead == null ? shared.performRequest(request, endpoint, effective)
                    : answer(shared.performRequestAsync(request, endpoint, effective), limit);
        } catch (SocketTimeoutException | ConnectTimeoutException e) {
            RequestDeadline.spend();
            throw e;
        } finally {
            if (bulkhead != null) {
                bulkhead.onComplete();
            }
        }
    }

    /**
     * Waits for the call's answer at most {@code limit}, to the millisecond: the HTTP client's socket timeout fires up
     * to a second late (measured), which a 3 s read bound cannot afford. The socket timeout stays set, so that the
     * connection of an abandoned call is freed as well.
     */
    private static <T> T answer(CompletableFuture<T> call, Duration limit) throws IOException {
        try {
            return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new SocketTimeoutException("no answer from Elasticsearch within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
        }
    }

    /** The use's limit, or what the current request has left for Elasticsearch if that is less. */
    private Duration withinRequest() throws IOException {
        Duration left = RequestDeadline.remaining().orElse(timeout);
        if (left.compareTo(timeout) >= 0) {
            return timeout;
        }
        if (left.toMillis() <= 0) {
            throw new IOException("the request's time for Elasticsearch is spent");
        }
        return left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
