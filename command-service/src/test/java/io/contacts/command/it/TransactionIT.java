package io.contacts.command.it;

import io.contacts.command.avatar.AvatarImage;
import io.contacts.command.contact.ContactChanges;
import io.contacts.command.contact.CreateContact;
import io.contacts.events.ContactUpdated;
import io.contacts.command.contact.UpdateContact;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims and events commit or roll back together: one Spring transaction around each command. */
class TransactionIT extends CommandServiceIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStorageEngine storageEngine;

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private long claims(long account, String value) {
        return jdbc.queryForObject("SELECT count(*) FROM contact_claims WHERE account_id = ? AND value = ?",
                Long.class, account, value);
    }

    @Test
    void aFailingClaimLeavesNoEventAndNoOtherClaim() {
        Account account = newAccount();
        String email = uniqueEmail();
        createContact(account, Map.of("email", email));
        long eventsBefore = events();

        HttpJson.Response rejected = http().send("POST", contacts(account), account.adminToken(),
                HttpJson.json(Map.of("email", email, "phone_number", "+4917012345", "identifier", "fresh-id")));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(eventsBefore);
        // the identifier and phone were claimed before the email turned out to be taken; the rollback undid them
        assertThat(claims(account.id(), "+4917012345")).isZero();
        assertThat(claims(account.id(), "fresh-id")).isZero();
    }

    @Test
    void aCommandWhoseEventAppendFailsLeavesNoClaim() {
        Account account = newAccount();
        long existing = createContact(account, Map.of("name", "Existing"));
        String email = uniqueEmail();

        // a second creation of the same contact: the claim is written, then the event append hits the
        // (aggregateidentifier, sequencenumber) unique key at commit, so the whole transaction rolls back
        CreateContact duplicate = new CreateContact(String.valueOf(existing), account.id(), new ContactChanges(
                Set.of(ContactUpdated.EMAIL), null, email, null, null, null, null, null));
        // the JDBC engine recognises PostgreSQL's duplicate key: a later sequence number gives ConcurrencyException
        assertThatThrownBy(() -> commands.sendAndWait(duplicate)).isInstanceOf(AggregateStreamCreationException.class);

        assertThat(claims(account.id(), email)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, String.valueOf(existing))).isEqualTo(1);
    }

    @Test
    void aCommandWhoseEventAppendFailsLeavesNoAvatar() {
        Account account = newAccount();
        long existing = createContact(account, Map.of("name", "Existing"));

        // the handler stores the image, then the event append hits the unique key at commit: all rolls back
        CreateContact duplicate = new CreateContact(String.valueOf(existing), account.id(), new ContactChanges(
                Set.of(), null, null, null, null, null, null, null), null, AvatarImage.of(ImageServer.PNG));
        assertThatThrownBy(() -> commands.sendAndWait(duplicate)).isInstanceOf(AggregateStreamCreationException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_avatars WHERE contact_id = ?", Long.class,
                existing)).isZero();
    }

    @Test
    void anUpdateThatLosesARaceWithAnotherInstanceIsRunAgain() throws Exception {
        Account account = newAccount();
        long id = createContact(account, Map.of("custom_attributes", Map.of("first", 1)));
        String contactId = String.valueOf(id);
        AtomicBoolean raced = new AtomicBoolean();
        // after this command loaded the contact (sequence 0) and before it commits, "another instance" appends
        // sequence 1 in its own transaction; Axon's per-aggregate lock in this JVM does not see that one
        Registration interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof UpdateContact update
                    && update.contactId().equals(contactId) && raced.compareAndSet(false, true)) {
                unitOfWork.onPrepareCommit(u -> appendInAnotherTransaction(new GenericDomainEventMessage<>("Contact",
                        contactId, 1, new ContactUpdated(id, account.id(), Set.of(ContactUpdated.CUSTOM_ATTRIBUTES),
                        null, null, null, null, Map.of("other", "instance"), null))));
            }
            return chain.proceed();
        });
        try {
            HttpJson.Response update = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                    "{\"custom_attributes\":{\"mine\":true}}");
            assertThat(update.status()).isEqualTo(200);
            assertThat(update.json().path("payload").path("custom_attributes"))
                    .isEqualTo(HttpJson.parse("{\"first\":1,\"other\":\"instance\",\"mine\":true}"));
        } finally {
            interceptor.cancel();
        }
        assertThat(raced).isTrue();
        assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, contactId)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aCachedContactThatAnotherInstanceChangedIsLoadedAgain(@Autowired @Qualifier("contactCache") Cache cache) {
        Account account = newAccount();
        long id = createContact(account, Map.of("custom_attributes", Map.of("first", 1)));
        String contactId = String.valueOf(id);
        assertThat(cache.containsKey(contactId)).as("the created contact stays loaded").isTrue();
        // "another instance" appends sequence 1; this instance's cached contact still ends at sequence 0
        appendInAnotherTransaction(new GenericDomainEventMessage<>("Contact", contactId, 1, new ContactUpdated(id,
                account.id(), Set.of(ContactUpdated.CUSTOM_ATTRIBUTES), null, null, null, null,
                Map.of("other", "instance"), null)));

        HttpJson.Response update = http().send("PATCH", contacts(account) + "/" + id, account.adminToken(),
                "{\"custom_attributes\":{\"mine\":true}}");

        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().path("payload").path("custom_attributes"))
                .isEqualTo(HttpJson.parse("{\"first\":1,\"other\":\"instance\",\"mine\":true}"));
        assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, contactId)).containsExactly(0L, 1L, 2L);
    }

    private void appendInAnotherTransaction(GenericDomainEventMessage<?> event) {
        CompletableFuture.runAsync(() -> storageEngine.appendEvents(event)).join();
    }
}
