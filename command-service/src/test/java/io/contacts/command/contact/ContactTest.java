package io.contacts.command.contact;

import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.avatar.InMemoryAvatarStore;
import io.contacts.command.uniqueness.InMemoryContactClaims;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactState;
import io.contacts.events.ContactUnblocked;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.events.ContactUpdated.ADDITIONAL_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.CUSTOM_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.NAME;
import static io.contacts.events.ContactUpdated.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

class ContactTest {

    private static final String ID = "7";
    private static final long ACCOUNT = 1;
    private static final ContactChanges NONE = new ContactChanges(Set.of(), null, null, null, null, null, null, null);

    private FixtureConfiguration<Contact> fixture;
    private InMemoryContactClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        claims = new InMemoryContactClaims();
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(new InMemoryAvatarStore());
    }

    private static ContactCreated created(String email, Map<String, Object> custom, Map<String, Object> additional) {
        return new ContactCreated(7, ACCOUNT, "John", email, "+4912345", null, false, custom, additional);
    }

    private static ContactCreated created() {
        return created("john@example.com", Map.of(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static ContactChanges changes(Map<String, Object> fields) {
        Map<String, Object> custom = (Map<String, Object>) fields.get(CUSTOM_ATTRIBUTES);
        Map<String, Object> additional = (Map<String, Object>) fields.get(ADDITIONAL_ATTRIBUTES);
        return new ContactChanges(fields.keySet(), (String) fields.get(NAME), (String) fields.get(EMAIL),
                (String) fields.get(PHONE_NUMBER), (String) fields.get(ContactUpdated.IDENTIFIER),
                (Boolean) fields.get(ContactChanges.BLOCKED), custom, additional);
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static long sequenceOf(Object result) {
        return ((ContactState) result).sequence();
    }

    @Nested
    class Create {

        @Test
        void createsWithDefaultsForFieldsNotSent() {
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, NONE))
                    .expectEvents(new ContactCreated(7, ACCOUNT, "", null, null, null, false, Map.of(), Map.of()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> sequenceOf(result) == 0));
        }

        @Test
        void createsBlockedWithASecondEvent() {
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, changes(fields(NAME, "John", ContactChanges.BLOCKED, true))))
                    .expectEvents(new ContactCreated(7, ACCOUNT, "John", null, null, null, false, Map.of(), Map.of()),
                            new ContactBlocked(7, ACCOUNT))
                    .expectResultMessagePayloadMatching(matches(
                            result -> sequenceOf(result) == 1 && ((ContactState) result).blocked()));
        }

        @Test
        void createsUnblockedWhenBlockedIsFalse() {
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, changes(fields(ContactChanges.BLOCKED, false))))
                    .expectEvents(new ContactCreated(7, ACCOUNT, "", null, null, null, false, Map.of(), Map.of()));
        }

        @Test
        void claimsItsUniqueValues() {
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, changes(fields(EMAIL, "a@b.c", PHONE_NUMBER, "+4912345",
                            ContactUpdated.IDENTIFIER, "ext-1"))))
                    .expectSuccessfulHandlerExecution();
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "a@b.c")).isEqualTo(7L);
            assertThat(claims.owner(ACCOUNT, ClaimKind.PHONE_NUMBER, "+4912345")).isEqualTo(7L);
            assertThat(claims.owner(ACCOUNT, ClaimKind.IDENTIFIER, "ext-1")).isEqualTo(7L);
        }

        @Test
        void refusesValuesAnotherContactHolds() {
            claims.claim(ACCOUNT, 3, Map.of(ClaimKind.EMAIL, "a@b.c", ClaimKind.PHONE_NUMBER, "+4912345"));
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, changes(fields(EMAIL, "a@b.c", PHONE_NUMBER, "+4912345"))))
                    .expectNoEvents()
                    .expectException(ValidationFailedException.class)
                    .expectExceptionMessage("Email has already been taken, Phone number has already been taken");
        }

        @Test
        void allowsTheSameValuesInAnotherAccount() {
            claims.claim(2, 3, Map.of(ClaimKind.EMAIL, "a@b.c"));
            fixture.givenNoPriorActivity()
                    .when(new CreateContact(ID, ACCOUNT, changes(fields(EMAIL, "a@b.c"))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Update {

        @Test
        void replacesScalarsAndShallowMergesAttributes() {
            fixture.given(created("john@example.com", Map.of("test", "test", "test1", "test1"),
                            Map.of("attr1", "attr1", "attr2", "attr2")))
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(NAME, "Test Blub",
                            CUSTOM_ATTRIBUTES, Map.of("test", "new test", "test2", "test2"),
                            ADDITIONAL_ATTRIBUTES, Map.of("attr2", "new attr2", "attr3", "attr3")))))
                    .expectEvents(new ContactUpdated(7, ACCOUNT, Set.of(NAME, CUSTOM_ATTRIBUTES, ADDITIONAL_ATTRIBUTES),
                            "Test Blub", null, null, null, Map.of("test", "new test", "test2", "test2"),
                            Map.of("attr2", "new attr2", "attr3", "attr3")))
                    .expectResultMessagePayloadMatching(matches(result -> {
                        ContactState state = (ContactState) result;
                        return state.sequence() == 1 && state.name().equals("Test Blub")
                                && state.customAttributes().equals(
                                Map.of("test", "new test", "test1", "test1", "test2", "test2"))
                                && state.additionalAttributes().equals(
                                Map.of("attr1", "attr1", "attr2", "new attr2", "attr3", "attr3"));
                    }));
        }

        @Test
        void anEmptyRequestChangesNothing() {
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(CUSTOM_ATTRIBUTES, Map.of(),
                            ADDITIONAL_ATTRIBUTES, Map.of()))))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(matches(
                            result -> sequenceOf(result) == 0));
        }

        @Test
        void sendingTheCurrentValuesChangesNothing() {
            fixture.given(created("john@example.com", Map.of("k", "v"), Map.of()))
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(NAME, "John", EMAIL, "john@example.com",
                            CUSTOM_ATTRIBUTES, Map.of("k", "v"), ContactChanges.BLOCKED, false))))
                    .expectNoEvents();
        }

        @Test
        void anExplicitNullClearsAScalarAndReleasesItsClaim() {
            claims.claim(ACCOUNT, 7, Map.of(ClaimKind.EMAIL, "john@example.com"));
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(EMAIL, null, NAME, null))))
                    .expectEvents(new ContactUpdated(7, ACCOUNT, Set.of(EMAIL, NAME), null, null, null, null, null,
                            null));
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "john@example.com")).isNull();
        }

        @Test
        void aNullAttributeValueIsKept() {
            Map<String, Object> patch = new HashMap<>();
            patch.put("gone", null);
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(CUSTOM_ATTRIBUTES, patch))))
                    .expectEvents(new ContactUpdated(7, ACCOUNT, Set.of(CUSTOM_ATTRIBUTES), null, null, null, null,
                            patch, null))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((ContactState) result).customAttributes().containsKey("gone")));
        }

        @Test
        void movesTheEmailClaim() {
            claims.claim(ACCOUNT, 7, Map.of(ClaimKind.EMAIL, "john@example.com"));
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(EMAIL, "new@example.com"))))
                    .expectEvents(new ContactUpdated(7, ACCOUNT, Set.of(EMAIL), null, "new@example.com", null, null,
                            null, null));
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "john@example.com")).isNull();
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "new@example.com")).isEqualTo(7L);
        }

        @Test
        void refusesAnEmailAnotherContactHolds() {
            claims.claim(ACCOUNT, 3, Map.of(ClaimKind.EMAIL, "test1@example.com"));
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(EMAIL, "test1@example.com"))))
                    .expectNoEvents()
                    .expectException(ValidationFailedException.class)
                    .expectExceptionMessage("Email has already been taken");
        }

        @Test
        void blocksAndUnblocksAfterTheUpdate() {
            fixture.given(created())
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(NAME, "Jane", ContactChanges.BLOCKED, true))))
                    .expectEvents(new ContactUpdated(7, ACCOUNT, Set.of(NAME), "Jane", null, null, null, null, null),
                            new ContactBlocked(7, ACCOUNT))
                    .expectResultMessagePayloadMatching(matches(
                            result -> sequenceOf(result) == 2));
            fixture.given(created(), new ContactBlocked(7, ACCOUNT))
                    .when(new UpdateContact(ID, ACCOUNT, changes(fields(ContactChanges.BLOCKED, false))))
                    .expectEvents(new ContactUnblocked(7, ACCOUNT));
        }

        @Test
        void anOnlineContactIsNotDeletedAndKeepsItsClaims() {
            claims.claim(ACCOUNT, 7, Map.of(ClaimKind.EMAIL, "john@example.com"));
            fixture.given(created())
                    .when(new DeleteContact(ID, ACCOUNT, true))
                    .expectNoEvents()
                    .expectException(ContactOnlineException.class);
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "john@example.com")).isEqualTo(7L);
        }

        @Test
        void isNotFoundInAnotherAccount() {
            fixture.given(created())
                    .when(new UpdateContact(ID, 2, changes(fields(NAME, "x"))))
                    .expectNoEvents()
                    .expectException(ContactNotFoundException.class);
        }
    }

    @Nested
    class BlockAndUnblock {

        @Test
        void blockIsIdempotent() {
            fixture.given(created()).when(new BlockContact(ID, ACCOUNT)).expectEvents(new ContactBlocked(7, ACCOUNT));
            fixture.given(created(), new ContactBlocked(7, ACCOUNT)).when(new BlockContact(ID, ACCOUNT))
                    .expectNoEvents().expectSuccessfulHandlerExecution();
        }

        @Test
        void unblockIsIdempotent() {
            fixture.given(created(), new ContactBlocked(7, ACCOUNT)).when(new UnblockContact(ID, ACCOUNT))
                    .expectEvents(new ContactUnblocked(7, ACCOUNT));
            fixture.given(created()).when(new UnblockContact(ID, ACCOUNT))
                    .expectNoEvents().expectSuccessfulHandlerExecution();
        }

        @Test
        void isNotFoundInAnotherAccount() {
            fixture.given(created()).when(new BlockContact(ID, 2))
                    .expectNoEvents().expectException(ContactNotFoundException.class);
        }
    }

    @Nested
    class RemoveCustom {

        @Test
        void removesOnlyTheKeysItHas() {
            fixture.given(created(null, Map.of("test", "test", "test1", "test1"), Map.of()))
                    .when(new RemoveCustomAttributes(ID, ACCOUNT, List.of("test", "unknown", "test")))
                    .expectEvents(new CustomAttributesRemoved(7, ACCOUNT, List.of("test")))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((ContactState) result).customAttributes().equals(Map.of("test1", "test1"))));
        }

        @Test
        void removesNothingWhenNoKeyIsKnown() {
            fixture.given(created(null, Map.of("test", "test"), Map.of()))
                    .when(new RemoveCustomAttributes(ID, ACCOUNT, List.of("unknown")))
                    .expectNoEvents();
        }

        @Test
        void isNotFoundInAnotherAccount() {
            fixture.given(created()).when(new RemoveCustomAttributes(ID, 2, List.of("x")))
                    .expectException(ContactNotFoundException.class);
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesAndReleasesEveryClaim() {
            claims.claim(ACCOUNT, 7, Map.of(ClaimKind.EMAIL, "john@example.com", ClaimKind.PHONE_NUMBER, "+4912345"));
            fixture.given(created())
                    .when(new DeleteContact(ID, ACCOUNT, false))
                    .expectEvents(new ContactDeleted(7, ACCOUNT))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((ContactState) result).deleted() && sequenceOf(result) == 1));
            assertThat(claims.owner(ACCOUNT, ClaimKind.EMAIL, "john@example.com")).isNull();
            assertThat(claims.owner(ACCOUNT, ClaimKind.PHONE_NUMBER, "+4912345")).isNull();
        }

        @Test
        void aDeletedContactIsGoneForEveryCommand() {
            List<Object> commands = List.of(new UpdateContact(ID, ACCOUNT, changes(fields(NAME, "x"))),
                    new BlockContact(ID, ACCOUNT), new UnblockContact(ID, ACCOUNT), new DeleteContact(ID, ACCOUNT, false),
                    new RemoveCustomAttributes(ID, ACCOUNT, List.of("x")));
            for (Object command : commands) {
                fixture.given(created(), new ContactDeleted(7, ACCOUNT))
                        .when(command)
                        .expectNoEvents()
                        .expectException(AggregateDeletedException.class);
            }
        }

        @Test
        void isNotFoundInAnotherAccount() {
            fixture.given(created()).when(new DeleteContact(ID, 2, false))
                    .expectNoEvents().expectException(ContactNotFoundException.class);
        }
    }

    @Test
    void aMissingContactIsNotFound() {
        fixture.givenNoPriorActivity().when(new UpdateContact(ID, ACCOUNT, NONE))
                .expectException(AggregateNotFoundException.class);
    }
}
