package io.contacts.query.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import io.contacts.query.web.RequestDeadline;
import org.elasticsearch.client.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitedTransportTest {

    private static final ElasticsearchLimits LIMITS = new ElasticsearchLimits(Duration.ofMillis(500), 10,
            Map.of(ElasticsearchUse.READ, new ElasticsearchLimits.Limit(Duration.ofSeconds(1), 2),
                    ElasticsearchUse.PROJECTION, new ElasticsearchLimits.Limit(Duration.ofSeconds(30), null)));

    /** Records the socket timeout of each call; blocks calls until released, or fails them as timed out. */
    private static final class Shared implements ElasticsearchTransport {
        final List<Integer> socketTimeouts = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(2);
        final List<CompletableFuture<?>> calls = new CopyOnWriteArrayList<>();
        volatile boolean timeOut;
        volatile boolean silent;

        /** Calls with no bulkhead: the caller's thread. */
        @Override
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
            record(options);
            if (timeOut) {
                throw new SocketTimeoutException("1,000 milliseconds timeout");
            }
            awaitRelease();
            return null;
        }

        /** Calls of request threads: an answer that comes when released, never when {@link #silent}. */
        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
                Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            record(options);
            CompletableFuture<ResponseT> answer = new CompletableFuture<>();
            if (timeOut) {
                answer.completeExceptionally(new SocketTimeoutException("1,000 milliseconds timeout"));
            } else if (!silent) {
                new Thread(() -> {
                    awaitRelease();
                    answer.complete(null);
                }).start();
            }
            calls.add(answer);
            return answer;
        }

        private void record(TransportOptions options) {
            synchronized (socketTimeouts) {
                socketTimeouts.add(((RestClientOptions) options).restClientRequestOptions().getRequestConfig()
                        .getSocketTimeout());
            }
        }

        private void awaitRelease() {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return new JacksonJsonpMapper();
        }

        @Override
        public TransportOptions options() {
            return new RestClientOptions(RequestOptions.DEFAULT, false);
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aFullBulkheadRefusesAtOnceAndAUseWithoutOneNever() throws Exception {
        Shared shared = new Shared();
        LimitedTransport reads = new LimitedTransport(shared, ElasticsearchUse.READ, LIMITS);
        List<Thread> waiting = List.of(new Thread(() -> call(reads)), new Thread(() -> call(reads)));
        waiting.forEach(Thread::start);
        assertThat(shared.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> reads.performRequest(null, null, null))
                .isInstanceOf(ElasticsearchBusyException.class).hasMessage("2 read calls wait on Elasticsearch already");
        LimitedTransport projection = new LimitedTransport(shared, ElasticsearchUse.PROJECTION, LIMITS);
        Thread unbounded = new Thread(() -> call(projection));
        unbounded.start();

        shared.release.countDown();
        for (Thread thread : List.of(waiting.get(0), waiting.get(1), unbounded)) {
            thread.join(10_000);
        }
        assertThat(shared.socketTimeouts).containsExactlyInAnyOrder(1000, 1000, 30_000);
        reads.performRequest(null, null, null);   // the permits are back
    }

    @Test
    void onARequestThreadACallGetsWhatTheRequestHasLeftAndATimeoutSpendsTheRest() throws Exception {
        Shared shared = new Shared();
        shared.release.countDown();
        LimitedTransport reads = new LimitedTransport(shared, ElasticsearchUse.READ, LIMITS);
        MockHttpServletRequest request = new MockHttpServletRequest();
        new RequestDeadline(Duration.ofMillis(600)).doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        reads.performRequest(null, null, null);
        assertThat(shared.socketTimeouts.get(0)).isBetween(1, 600);

        shared.timeOut = true;
        assertThatThrownBy(() -> reads.performRequest(null, null, null)).isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> reads.performRequest(null, null, null)).isInstanceOf(IOException.class)
                .hasMessage("the request's time for Elasticsearch is spent");
        assertThat(shared.socketTimeouts).hasSize(2);
    }

    @Test
    void aCallThatGetsNoAnswerEndsAtItsLimitNotAtTheClientsNextTimeoutCheck() throws Exception {
        Shared shared = new Shared();
        shared.silent = true;
        LimitedTransport reads = new LimitedTransport(shared, ElasticsearchUse.READ, LIMITS);
        MockHttpServletRequest request = new MockHttpServletRequest();
        new RequestDeadline(Duration.ofMillis(300)).doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        long start = System.nanoTime();
        assertThatThrownBy(() -> reads.performRequest(null, null, null)).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("no answer from Elasticsearch within");
        // the HTTP client's own socket timeout would have fired up to a second late
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        assertThat(shared.calls.get(0).isCancelled()).isTrue();
        assertThatThrownBy(() -> reads.performRequest(null, null, null)).isInstanceOf(IOException.class)
                .hasMessage("the request's time for Elasticsearch is spent");
    }

    private static void call(LimitedTransport transport) {
        try {
            transport.performRequest(null, null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
