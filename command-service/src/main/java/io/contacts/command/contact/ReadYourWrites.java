package io.contacts.command.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.command.presence.PresenceCheck;
import io.contacts.command.web.ApiException;
import io.contacts.events.CloudEventHeaders;
import io.contacts.events.ContactState;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a committed write visible before it is answered. A command sent {@link #awaited} carries a mark into its
 * events and their Kafka records, so that the query side refreshes the bulk holding them at once and then announces
 * which contacts became searchable at which sequence, and who among them is online ({@link SearchableNotices}); the
 * write waits for that announcement and answers with the contact rendered from the command's own state
 * ({@link ContactRenderer}, the query side's shape). A command that changed nothing has nothing to wait for once the
 * write it returns the state of is older than the timeout; such an answer, or one whose announcement came before the
 * wait, asks the query side whether the contact is online ({@link PresenceCheck}). Past {@code contacts.read-your-writes.timeout} the write is still
 * committed and answers the same way, offline, with a warning and the counter
 * {@code contacts.read.your.writes.fallbacks} (tag {@code reason}: timeout, failed, busy). At most
 * {@code contacts.read-your-writes.concurrency} request threads wait at once (a Resilience4j bulkhead): beyond that
 * a write answers at once, so that a query side that stopped announcing never holds every thread there is.
 */
@Component
public class ReadYourWrites {

    /** The mark, in a command's and its events' metadata (and, by the publisher, a Kafka header of the events). */
    static final String AWAITED = CloudEventHeaders.AWAITED;

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final SearchableContacts searchable;
    private final PresenceCheck presence;
    private final Duration timeout;
    private final String publicUrl;
    private final Bulkhead waiting;
    /** By reason: timeout, failed, busy (registered at start, so that a reader sees 0 rather than nothing). */
    private final Map<String, Counter> fallbacks;
    /** Many contacts take longer to project than one: a batch waits this long. */
    private final Duration batchTimeout;
    private final Clock clock = Clock.systemUTC();

    ReadYourWrites(SearchableContacts searchable, PresenceCheck presence, MeterRegistry meters,
                   @Value("${contacts.read-your-writes.timeout}") Duration timeout,
                   @Value("${contacts.read-your-writes.batch-timeout}") Duration batchTimeout,
                   @Value("${contacts.read-your-writes.concurrency}") int concurrency,
                   @Value("${contacts.public-url}") String publicUrl) {
        this.batchTimeout = batchTimeout;
        this.searchable = searchable;
        this.presence = presence;
        this.fallbacks = Stream.of("timeout", "failed", "busy").collect(Collectors.toMap(Function.identity(),
                reason -> meters.counter("contacts.read.your.writes.fallbacks", "reason", reason)));
        this.waiting = Bulkhead.of("read-your-writes", BulkheadConfig.custom().maxConcurrentCalls(concurrency)
                .maxWaitDuration(Duration.ZERO).build());
        this.timeout = timeout;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** {@code command} marked as one whose answer waits until it is searchable: send it so. */
    public static CommandMessage<?> awaited(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(AWAITED, "true"));
    }

    /** The contact as of {@code state}'s sequence number, once searchable (or the timeout passed). */
    ObjectNode contact(ContactState state, boolean includeContactInboxes) {
        boolean online = inFlight(state)
                ? await(List.of(state), timeout).map(reached -> reached.get(0))
                .map(reached -> reached.earlier() ? onlineNow(state) : reached.online()).orElse(false)
                : onlineNow(state);
        return ContactRenderer.render(state, includeContactInboxes, online, publicUrl);
    }

    /** Waits until the query side has applied the deletion {@code state} ends with. */
    void awaitDeleted(ContactState state) {
        await(List.of(state), timeout);
    }

    /**
     * @return true once every state's contact is searchable at (at least) its sequence, false when the timeout
     * ({@code contacts.read-your-writes.batch-timeout}) passed first (the writes are committed either way)
     */
    public boolean awaitSearchable(Collection<ContactState> states) {
        List<ContactState> awaited = states.stream()
                .filter(state -> state.updatedAt().isAfter(clock.instant().minus(batchTimeout))).toList();
        return awaited.isEmpty() || await(awaited, batchTimeout).isPresent();
    }

    /**
     * Whether the write that made {@code state} may still be on its way to the query side. A command that changed
     * nothing (an update to the values the contact has) returns the state of an earlier write, which either was
     * announced searchable before its own answer or answered after its timeout: there is nothing more to wait for
     * once that earlier write is older than the timeout.
     */
    private boolean inFlight(ContactState state) {
        return state.updatedAt().isAfter(clock.instant().minus(timeout));
    }

    /** No announcement to carry it: asked of the query side (unknown: offline, as the timeout's answer). */
    private boolean onlineNow(ContactState state) {
        try {
            return presence.isOnline(state.accountId(), String.valueOf(state.contactId()));
        } catch (ApiException e) {
            return false;
        }
    }

    private Optional<List<SearchableContacts.Reached>> await(Collection<ContactState> states, Duration limit) {
        if (!waiting.tryAcquirePermission()) {
            return fallback("busy", states, "%d writes wait already".formatted(
                    waiting.getBulkheadConfig().getMaxConcurrentCalls()));
        }
        List<CompletableFuture<SearchableContacts.Reached>> reached = states.stream()
                .map(state -> searchable.await(state.contactId(), state.sequence())).toList();
        try {
            CompletableFuture.allOf(reached.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(reached.stream().map(CompletableFuture::join).toList());
        } catch (TimeoutException e) {
            return fallback("timeout", states, "not searchable within " + limit);
        } catch (ExecutionException e) {
            return fallback("failed", states, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback("failed", states, "interrupted");
        } finally {
            // a waiter left behind would only be dropped when its contact is announced
            reached.forEach(future -> future.cancel(false));
            waiting.onComplete();
        }
    }

    private <T> Optional<T> fallback(String reason, Collection<ContactState> states, String why) {
        fallbacks.get(reason).increment();
        ContactState first = states.iterator().next();
        log.warn("{} ({} contact(s), the first {} at sequence {}); answering from the command side", why,
                states.size(), first.contactId(), first.sequence());
        return Optional.empty();
    }
}
