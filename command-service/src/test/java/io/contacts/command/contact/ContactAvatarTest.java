package io.contacts.command.contact;

import io.contacts.command.avatar.AvatarImage;
import io.contacts.command.avatar.InMemoryAvatarStore;
import io.contacts.command.uniqueness.InMemoryContactClaims;
import io.contacts.events.ContactAvatarChanged;
import io.contacts.events.ContactAvatarRemoved;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactState;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAvatarTest {

    private static final String ID = "7";
    private static final long ACCOUNT = 1;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    private static final ContactChanges NONE = new ContactChanges(Set.of(), null, null, null, null, null, null, null);
    private static final ContactCreated CREATED = new ContactCreated(7, ACCOUNT, "Ann", null, null, null, false,
            Map.of(), Map.of());

    private FixtureConfiguration<Contact> fixture;
    private InMemoryAvatarStore avatars;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        avatars = new InMemoryAvatarStore();
        fixture.registerInjectableResource(new InMemoryContactClaims());
        fixture.registerInjectableResource(avatars);
    }

    @Test
    void createWithAnUploadStoresTheImageAndNamesItsKey() {
        AvatarImage image = AvatarImage.of(PNG);
        fixture.givenNoPriorActivity()
                .when(new CreateContact(ID, ACCOUNT, NONE, null, image))
                .expectEvents(new ContactCreated(7, ACCOUNT, "", null, null, null, false, Map.of(), Map.of()),
                        new ContactAvatarChanged(7, ACCOUNT, image.key()))
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        state -> image.key().equals(((ContactState) state).avatarKey())));
        assertThat(avatars.of(7)).contains(image);
    }

    @Test
    void updateAndChangeAvatarReplaceTheImage() {
        AvatarImage first = AvatarImage.of(PNG);
        AvatarImage second = AvatarImage.of(PNG);
        fixture.given(CREATED, new ContactAvatarChanged(7, ACCOUNT, "old"))
                .when(new UpdateContact(ID, ACCOUNT, NONE, first))
                .expectEvents(new ContactAvatarChanged(7, ACCOUNT, first.key()));
        fixture.given(CREATED)
                .when(new ChangeAvatar(ID, ACCOUNT, second))
                .expectEvents(new ContactAvatarChanged(7, ACCOUNT, second.key()));
        assertThat(avatars.of(7)).contains(second);
    }

    @Test
    void removeDeletesTheImageOnlyWhenThereIsOne() {
        avatars.replace(ACCOUNT, 7, AvatarImage.of(PNG));
        fixture.given(CREATED, new ContactAvatarChanged(7, ACCOUNT, "k"))
                .when(new RemoveAvatar(ID, ACCOUNT))
                .expectEvents(new ContactAvatarRemoved(7, ACCOUNT));
        assertThat(avatars.of(7)).isEmpty();

        fixture.given(CREATED).when(new RemoveAvatar(ID, ACCOUNT)).expectNoEvents();
        fixture.given(CREATED, new ContactAvatarChanged(7, ACCOUNT, "k"), new ContactAvatarRemoved(7, ACCOUNT))
                .when(new RemoveAvatar(ID, ACCOUNT)).expectNoEvents();
    }

    @Test
    void anotherAccountCannotTouchTheAvatarAndDeletingTheContactDropsIt() {
        fixture.given(CREATED, new ContactAvatarChanged(7, ACCOUNT, "k"))
                .when(new RemoveAvatar(ID, 2))
                .expectException(ContactNotFoundException.class);
        avatars.replace(ACCOUNT, 7, AvatarImage.of(PNG));
        fixture.given(CREATED, new ContactAvatarChanged(7, ACCOUNT, "k"))
                .when(new DeleteContact(ID, ACCOUNT, false))
                .expectEvents(new ContactDeleted(7, ACCOUNT));
        assertThat(avatars.of(7)).isEmpty();
    }
}
