package io.contacts.command.contact;

import io.contacts.command.database.RequestWork;
import io.contacts.command.idempotency.IdempotentWrite;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.uniqueness.JdbcContactClaims;
import io.contacts.command.uniqueness.UniqueValue;
import io.contacts.command.web.DatabaseOutage;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.events.ContactState;
import io.contacts.events.ContactUpdated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A group commit of the contact commands that concurrent requests send: while a command is being committed, the
 * commands that arrive queue up, and a committer thread applies them together, in arrival order, nested in one Axon
 * unit of work and one PostgreSQL transaction (events, claims, avatars, idempotency keys), as an import batch does. A
 * command sent while nothing else is in flight runs alone on its own thread at once.
 * <p>
 * Each request gets exactly the outcome it would have got alone. A command whose failure is decided before it writes
 * anything (a missing contact, a unique value held, an online contact) fails alone and the others commit: who holds
 * the values the group claims is read first, and a value claimed by one command of the group is taken for the later
 * ones ({@link JdbcContactClaims#batched}). When the group fails as a whole — a value claimed meanwhile by a concurrent
 * transaction, a lost race with another instance, an idempotency key taken —
 * it is rolled back and every command runs again alone on its request's thread, so that only the one at fault fails.
 * When PostgreSQL is unreachable or the COMMIT got no answer, every command of the group gets that failure (never run
 * again: the write may be in doubt), and the commands queued behind it a "nothing written" at once.
 */
@Component
class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** What a request's command came to in its group. */
    private interface Outcome {
    }

    private record Applied(ContactState state) implements Outcome {
    }

    private record Failed(RuntimeException failure) implements Outcome {
    }

    /** The group failed as a whole: the command runs again alone. */
    private record Alone() implements Outcome {
    }

    private record Member(Object command, Optional<IdempotentWrite> write, CompletableFuture<Outcome> outcome) {
    }

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final JdbcContactClaims claims;
    private final CommandGroupProperties properties;
    private final BlockingQueue<Member> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> committers = new ArrayList<>();
    private final DistributionSummary sizes;
    private final Counter failedGroups;

    GroupCommit(CommandGateway gateway, TransactionManager transactions, JdbcContactClaims claims,
                CommandGroupProperties properties, MeterRegistry meters) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.claims = claims;
        this.properties = properties;
        Gauge.builder("contacts.commands.group.queued", queue, BlockingQueue::size)
                .description("Contact commands waiting for the next group commit").register(meters);
        sizes = DistributionSummary.builder("contacts.commands.group.size")
                .description("Contact commands committed together in one transaction").register(meters);
        failedGroups = Counter.builder("contacts.commands.group.failed")
                .description("Groups rolled back as a whole, their commands then run alone").register(meters);
        for (int i = 0; i < properties.committers(); i++) {
            Thread committer = new Thread(this::commitGroups, "command-group-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
    }

    /**
     * Sends {@code command} with those sent at the same time and returns the contact's state after it, or throws its
     * failure; {@code alone} sends one command in a transaction of its own.
     */
    ContactState send(Object command, Function<Object, ContactState> alone) {
        if (properties.maxSize() < 2 || properties.committers() < 1 || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return alone.apply(command);
        }
        try {
            if (inFlight.getAndIncrement() == 0) {
                return alone.apply(command);
            }
            Member member = new Member(command, IdempotentWrite.current(), new CompletableFuture<>());
            queue.add(member);
            Outcome outcome = member.outcome().join();
            if (outcome instanceof Applied applied) {
                return applied.state();
            }
            if (outcome instanceof Failed failed) {
                throw failed.failure();
            }
            return alone.apply(command);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void commitGroups() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                commit(nextGroup());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first command queued and those queued behind it, waiting up to the configured time for more. */
    private List<Member> nextGroup() throws InterruptedException {
        List<Member> group = new ArrayList<>();
        group.add(queue.take());
        queue.drainTo(group, properties.maxSize() - 1);
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (group.size() < properties.maxSize()) {
            Member next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, properties.maxSize() - group.size());
        }
        return group;
    }

    private void commit(List<Member> group) {
        List<Outcome> outcomes;
        try {
            List<IdempotentWrite> writes = group.stream().flatMap(member -> member.write().stream()).toList();
            outcomes = RequestWork.run(() -> IdempotentWrite.during(writes, () -> inOneUnit(group)));
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCauseOf(e)) {
                log.info("A group of {} commands failed as a whole ({}); each runs again alone", group.size(),
                        e.toString());
                failedGroups.increment();
                group.forEach(member -> member.outcome().complete(new Alone()));
                return;
            }
            group.forEach(member -> member.outcome().complete(new Failed(e)));
            List<Member> queued = new ArrayList<>();
            queue.drainTo(queued);
            RuntimeException nothingWritten = new CannotCreateTransactionException(
                    "PostgreSQL failed the commit queued ahead of this command; nothing was written");
            queued.forEach(member -> member.outcome().complete(new Failed(nothingWritten)));
            return;
        } catch (Error e) {
            // the committer goes on: the writes queued behind this group have no other thread to commit them
            log.error("A group of {} commands failed; each runs again alone", group.size(), e);
            group.forEach(member -> member.outcome().complete(new Alone()));
            return;
        }
        sizes.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private List<Outcome> inOneUnit(List<Member> group) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(
                new GenericMessage<>("group of " + group.size() + " contact commands"));
        unit.attachTransaction(transactions);
        ResultMessage<List<Outcome>> result = unit.executeWithResult(() -> claims.batched(() -> {
            claims.readHolders(claimed(group));
            return apply(group);
        }));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    private List<Outcome> apply(List<Member> group) {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        for (Member member : group) {
            try {
                ContactState state = claims.undoneOnFailure(() -> gateway.sendAndWait(member.command()));
                outcomes.add(new Applied(state));
            } catch (RuntimeException e) {
                if (!failsBeforeWriting(e)) {
                    throw e;
                }
                outcomes.add(new Failed(e));
            }
        }
        return outcomes;
    }

    /** The unique values the group's creates and updates will claim: who holds them is read in one query. */
    private static List<UniqueValue> claimed(List<Member> group) {
        List<UniqueValue> values = new ArrayList<>();
        for (Member member : group) {
            // a command marked for read-your-writes comes as the message that carries the mark
            Object command = member.command() instanceof CommandMessage<?> message ? message.getPayload()
                    : member.command();
            if (command instanceof CreateContact create) {
                claimed(values, create.accountId(), create.values());
            } else if (command instanceof UpdateContact update) {
                claimed(values, update.accountId(), update.changes());
            }
        }
        return values;
    }

    private static void claimed(List<UniqueValue> values, long accountId, ContactChanges changes) {
        if (changes.has(ContactUpdated.EMAIL) && changes.email() != null) {
            values.add(new UniqueValue(accountId, ClaimKind.EMAIL, changes.email()));
        }
        if (changes.has(ContactUpdated.PHONE_NUMBER) && changes.phoneNumber() != null) {
            values.add(new UniqueValue(accountId, ClaimKind.PHONE_NUMBER, changes.phoneNumber()));
        }
        if (changes.has(ContactUpdated.IDENTIFIER) && changes.identifier() != null) {
            values.add(new UniqueValue(accountId, ClaimKind.IDENTIFIER, changes.identifier()));
        }
    }

    /**
     * The failures a contact command decides before it writes anything: with them it fails alone and the group's
     * transaction goes on; any other failure rolls the whole group back.
     */
    private static boolean failsBeforeWriting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof ContactNotFoundException
                    || t instanceof ContactOnlineException || t instanceof ValidationFailedException) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        committers.forEach(Thread::interrupt);
        List<Member> queued = new ArrayList<>();
        queue.drainTo(queued);
        queued.forEach(member -> member.outcome().complete(new Alone()));
    }
}
