package io.contacts.command.contact;

import io.contacts.command.avatar.InMemoryAvatarStore;
import io.contacts.command.uniqueness.InMemoryContactClaims;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.events.ContactState;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.matches;

class ContactLabelsTest {

    private FixtureConfiguration<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new InMemoryContactClaims());
        fixture.registerInjectableResource(new InMemoryAvatarStore());
    }

    private static ContactCreated created() {
        return new ContactCreated(7, 1, "John", "john@example.com", null, null, false, Map.of(), Map.of());
    }

    @Test
    void replacesTheLabels() {
        fixture.given(created(), new ContactLabelsChanged(7, 1, List.of("a", "b")))
                .when(new ChangeLabels("7", 1, List.of("c")))
                .expectEvents(new ContactLabelsChanged(7, 1, List.of("c")))
                .expectResultMessagePayloadMatching(matches(
                        state -> ((ContactState) state).labels().equals(List.of("c"))));
    }

    @Test
    void clearsWithAnEmptyList() {
        fixture.given(created(), new ContactLabelsChanged(7, 1, List.of("a")))
                .when(new ChangeLabels("7", 1, List.of()))
                .expectEvents(new ContactLabelsChanged(7, 1, List.of()));
    }

    @Test
    void theSameLabelsAreNoChange() {
        fixture.given(created(), new ContactLabelsChanged(7, 1, List.of("a", "b")))
                .when(new ChangeLabels("7", 1, List.of("a", "b")))
                .expectNoEvents();
    }

    @Test
    void aContactOfAnotherAccountIsNotFound() {
        fixture.given(created())
                .when(new ChangeLabels("7", 2, List.of("a")))
                .expectException(ContactNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aCreateWithLabelsLabelsTheNewContactInTheSameCommand() {
        ContactChanges values = new ContactChanges(Set.of("name"), "Jane", null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateContact("8", 1, values, null, null, List.of("vip")))
                .expectEvents(new ContactCreated(8, 1, "Jane", null, null, null, false, Map.of(), Map.of()),
                        new ContactLabelsChanged(8, 1, List.of("vip")));
    }

    @Test
    void anUpdateAddsLabelsAndNeverRemovesOne() {
        ContactChanges none = new ContactChanges(Set.of(), null, null, null, null, null, null, null);
        fixture.given(created(), new ContactLabelsChanged(7, 1, List.of("a", "b")))
                .when(new UpdateContact("7", 1, none, null, List.of("B", "c")))
                .expectEvents(new ContactLabelsChanged(7, 1, List.of("a", "b", "c")));
        fixture.given(created(), new ContactLabelsChanged(7, 1, List.of("a")))
                .when(new UpdateContact("7", 1, none, null, List.of("A")))
                .expectNoEvents();
    }
}
