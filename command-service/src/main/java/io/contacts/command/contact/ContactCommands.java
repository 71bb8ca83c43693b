package io.contacts.command.contact;

import io.contacts.events.ContactState;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Sends contact commands and returns the contact's state after them; commands sent at the same time commit together
 * ({@link GroupCommit}), each with the outcome it would have had alone. In one JVM Axon's per-aggregate lock serialises
 * the commands of a contact; two instances can still append the same sequence number at once, and the loser's whole
 * transaction (events and claims) rolls back with a {@link ConcurrencyException}. Such a command, or one that lost a
 * PostgreSQL deadlock on claims, is simply run again on the fresh state, a few times at most.
 */
@Component
public class ContactCommands {

    private static final Logger log = LoggerFactory.getLogger(ContactCommands.class);
    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final GroupCommit group;

    ContactCommands(CommandGateway gateway, GroupCommit group) {
        this.gateway = gateway;
        this.group = group;
    }

    public ContactState send(Object command) {
        try {
            return group.send(command, this::alone);
        } catch (RuntimeException e) {
            if (causedBy(e, AggregateNotFoundException.class)) {
                throw new ContactNotFoundException();
            }
            throw e;
        }
    }

    private ContactState alone(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (RuntimeException e) {
                boolean conflict = causedBy(e, ConcurrencyException.class)
                        || causedBy(e, PessimisticLockingFailureException.class);
                if (!conflict || attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Retrying {} (attempt {} lost a race with a concurrent write)",
                        GenericCommandMessage.asCommandMessage(command).getPayloadType().getSimpleName(), attempt);
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
