package io.contacts.command.contact;

import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry of commands that lost a race against another instance, over a real Axon command bus. */
class ContactCommandsTest {

    private static final ContactState STATE = new ContactState(1, 1, "", null, null, null, true, Map.of(), Map.of(),
            List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1, false, null);

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    // groups of one: every command alone, on the caller's thread
    private final ContactCommands commands = new ContactCommands(gateway,
            new GroupCommit(gateway, null, null, new CommandGroupProperties(1, Duration.ZERO, 0),
                    new SimpleMeterRegistry()));
    private final AtomicInteger attempts = new AtomicInteger();

    /** A handler for BlockContact that fails with these exceptions, in turn, before it succeeds. */
    private void handlerFailingWith(RuntimeException... failures) {
        bus.subscribe(BlockContact.class.getName(), message -> {
            int attempt = attempts.getAndIncrement();
            if (attempt < failures.length) {
                throw failures[attempt];
            }
            return STATE;
        });
    }

    @Test
    void runsACommandAgainAfterAConcurrentAppend() {
        handlerFailingWith(new ConcurrencyException("sequence 1 taken"), new ConcurrencyException("again"));
        assertThat(commands.send(new BlockContact("1", 1))).isEqualTo(STATE);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterThreeAttempts() {
        handlerFailingWith(new ConcurrencyException("1"), new ConcurrencyException("2"),
                new ConcurrencyException("3"));
        assertThatThrownBy(() -> commands.send(new BlockContact("1", 1))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRepeatsARejectedCommand() {
        handlerFailingWith(new ValidationFailedException(List.of(new Violation("email", "Email is invalid"))));
        assertThatThrownBy(() -> commands.send(new BlockContact("1", 1)))
                .isInstanceOf(ValidationFailedException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aMissingOrDeletedContactIsNotFound() {
        handlerFailingWith(new AggregateNotFoundException("1", "no events"));
        assertThatThrownBy(() -> commands.send(new BlockContact("1", 1)))
                .isInstanceOf(ContactNotFoundException.class).hasMessage("Contact not found");
    }
}
