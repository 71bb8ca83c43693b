package io.contacts.command.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.events.ContactState;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Makes a committed write visible before it is answered: asks the query side
 * ({@code GET /internal/v1/accounts/{a}/contacts/{id}?min_sequence=N&timeout_ms=T}) to wait until its copy of the
 * contact has reached the write's sequence number, and answers with the contact as the query side renders it. When
 * the query side fails or the deadline passes, the write is still committed: the answer is then rendered from the
 * command's own result and a warning is logged. At most {@code contacts.read-your-writes.concurrency} request threads
 * wait at once (a Resilience4j bulkhead): beyond that a write answers from the command side at once, so that a hung
 * query side never holds every thread the command-service has. Every answer from the command side counts in
 * {@code contacts.read.your.writes.fallbacks} (tag {@code reason}: timeout, failed, busy): such a write was committed
 * but not yet searchable when it answered, which the write benchmark counts as a failure.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    /** Left to the HTTP exchange itself, so that the query side's own 504 arrives before our timeout. */
    private static final Duration MARGIN = Duration.ofMillis(250);

    private final ObjectMapper mapper;
    private final String queryUrl;
    private final Duration timeout;
    private final Duration batchTimeout;
    private final HttpClient http;
    private final String publicUrl;
    private final Bulkhead waiting;
    private final Counter timedOut;
    private final Counter failed;
    private final Counter busy;

    ReadYourWrites(ObjectMapper mapper, @Value("${contacts.query-url}") String queryUrl,
                   @Value("${contacts.read-your-writes.timeout}") Duration timeout,
                   @Value("${contacts.read-your-writes.batch-timeout}") Duration batchTimeout,
                   @Value("${contacts.read-your-writes.concurrency}") int concurrency,
                   @Value("${contacts.public-url}") String publicUrl, MeterRegistry registry) {
        this.mapper = mapper;
        this.timedOut = fallbacks(registry, "timeout");
        this.failed = fallbacks(registry, "failed");
        this.busy = fallbacks(registry, "busy");
        this.waiting = Bulkhead.of("read-your-writes", BulkheadConfig.custom().maxConcurrentCalls(concurrency)
                .maxWaitDuration(Duration.ZERO).build());
        this.queryUrl = queryUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.batchTimeout = batchTimeout;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build();
    }

    /** The contact as of {@code state}'s sequence number. */
    ObjectNode contact(ContactState state, boolean includeContactInboxes) {
        return await(state, includeContactInboxes)
                .filter(contact -> !contact.path("deleted").asBoolean(false))
                .orElseGet(() -> ContactRenderer.render(state, includeContactInboxes, publicUrl));
    }

    /** Waits until the query side has applied the deletion {@code state} ends with. */
    void awaitDeleted(ContactState state) {
        await(state, false);
    }

    /**
     * Waits until every one of these contacts is searchable at (at least) its state's sequence, in one exchange
     * ({@code POST /internal/v1/accounts/{a}/contacts/searchable}); false when the wait
     * ({@code contacts.read-your-writes.batch-timeout}: many contacts take longer to project than one) ran out or failed
     * first (the writes are committed either way). The states are of one account.
     */
    public boolean awaitSearchable(Collection<ContactState> states) {
        if (states.isEmpty()) {
            return true;
        }
        if (!waiting.tryAcquirePermission()) {
            log.warn("{} writes wait on the query side already; {} contacts answer unawaited",
                    waiting.getBulkheadConfig().getMaxConcurrentCalls(), states.size());
            return false;
        }
        try {
            return searchable(states);
        } finally {
            waiting.onComplete();
        }
    }

    private boolean searchable(Collection<ContactState> states) {
        long waitMillis = Math.max(0, batchTimeout.minus(MARGIN).toMillis());
        ObjectNode body = mapper.createObjectNode().put("timeout_ms", waitMillis);
        ArrayNode contacts = body.putArray("contacts");
        states.forEach(state -> contacts.addObject().put("id", state.contactId())
                .put("min_sequence", state.sequence()));
        long accountId = states.iterator().next().accountId();
        URI uri = URI.create(queryUrl + "/internal/v1/accounts/" + accountId + "/contacts/searchable");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(batchTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return true;
            }
            log.warn("Query side answered {} for {} contacts of account {}; answering unawaited",
                    response.statusCode(), states.size(), accountId);
        } catch (IOException e) {
            log.warn("Query side unreachable for {} contacts of account {} ({}); answering unawaited", states.size(),
                    accountId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private Optional<ObjectNode> await(ContactState state, boolean includeContactInboxes) {
        if (!waiting.tryAcquirePermission()) {
            log.warn("{} writes wait on the query side already; contact {} at sequence {} answers from the command"
                    + " side", waiting.getBulkheadConfig().getMaxConcurrentCalls(), state.contactId(),
                    state.sequence());
            busy.increment();
            return Optional.empty();
        }
        try {
            return queryAnswer(state, includeContactInboxes);
        } finally {
            waiting.onComplete();
        }
    }

    private Optional<ObjectNode> queryAnswer(ContactState state, boolean includeContactInboxes) {
        long waitMillis = Math.max(0, timeout.minus(MARGIN).toMillis());
        URI uri = URI.create(queryUrl + "/internal/v1/accounts/" + state.accountId() + "/contacts/"
                + state.contactId() + "?min_sequence=" + state.sequence() + "&timeout_ms=" + waitMillis
                + "&include_contact_inboxes=" + includeContactInboxes);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                JsonNode body = mapper.readTree(response.body());
                if (body != null && body.isObject()) {
                    return Optional.of((ObjectNode) body);
                }
            }
            log.warn("Query side answered {} for contact {} at sequence {}; answering from the command side",
                    response.statusCode(), state.contactId(), state.sequence());
            // the query side answers 504 when its wait for the sequence ran out
            (response.statusCode() == 504 ? timedOut : failed).increment();
        } catch (HttpTimeoutException e) {
            log.warn("Query side did not answer in time for contact {} at sequence {}; answering from the command"
                    + " side", state.contactId(), state.sequence());
            timedOut.increment();
        } catch (IOException e) {
            log.warn("Query side unreachable for contact {} at sequence {} ({}); answering from the command side",
                    state.contactId(), state.sequence(), e.toString());
            failed.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.increment();
        }
        return Optional.empty();
    }

    private static Counter fallbacks(MeterRegistry registry, String reason) {
        return Counter.builder("contacts.read.your.writes.fallbacks").tag("reason", reason)
                .description("Writes answered from the command side: not yet searchable when answered")
                .register(registry);
    }
}
