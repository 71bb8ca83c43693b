package io.contacts.command.contact;

import io.contacts.command.avatar.InMemoryAvatarStore;
import io.contacts.command.uniqueness.InMemoryContactClaims;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactInboxLinked;
import io.contacts.events.ContactState;
import io.contacts.events.InboxSummary;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.NAME;
import static org.axonframework.test.matchers.Matchers.matches;

/** The rules of contact-inbox links (chatwoot-reference.md 3.6, 3.16) on the aggregate. */
class ContactInboxLinkTest {

    private static final String ID = "7";
    private static final long ACCOUNT = 1;
    private static final InboxSummary API = new InboxSummary(10, "Api", "Channel::Api", 100, null, "");
    private static final InboxSummary EMAIL_INBOX = new InboxSummary(11, "Mail", "Channel::Email", 101, null, "");
    private static final InboxSummary TWILIO = new InboxSummary(12, "Twilio", "Channel::TwilioSms", 102, "twilio", "");
    private static final InboxSummary WHATSAPP =
            new InboxSummary(13, "WA", "Channel::Whatsapp", 103, "whatsapp_cloud", "");
    private static final ContactCreated WITH_PHONE =
            new ContactCreated(7, ACCOUNT, "Ann", "ann@example.com", "+4912345", null, false, Map.of(), Map.of());
    private static final ContactCreated WITHOUT_PHONE =
            new ContactCreated(7, ACCOUNT, "Ann", "ann@example.com", null, null, false, Map.of(), Map.of());

    private FixtureConfiguration<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new InMemoryContactClaims());
        fixture.registerInjectableResource(new InMemoryAvatarStore());
    }

    private static LinkContactInbox link(InboxSummary inbox, String medium, String sourceId) {
        return new LinkContactInbox(ID, ACCOUNT, new InboxLink(inbox, medium, sourceId, false));
    }

    private static ContactInboxLinked linked(InboxSummary inbox, String sourceId) {
        return new ContactInboxLinked(7, ACCOUNT, new ContactInbox(sourceId, false, inbox));
    }

    @Test
    void createLinksInTheSameCommand() {
        ContactChanges values = new ContactChanges(Set.of(NAME, EMAIL), "Ann", "ann@example.com", null, null, null,
                Map.of(), Map.of());
        fixture.givenNoPriorActivity()
                .when(new CreateContact(ID, ACCOUNT, values, new InboxLink(EMAIL_INBOX, null, null, false)))
                .expectEvents(WITHOUT_PHONE, linked(EMAIL_INBOX, "ann@example.com"))
                .expectResultMessagePayloadMatching(matches(result ->
                        ((ContactState) result).contactInboxes().size() == 1));
    }

    @Test
    void createWithAnInboxThatNeedsAMissingPhoneCreatesNothing() {
        ContactChanges values = new ContactChanges(Set.of(NAME), "Ann", null, null, null, null, Map.of(), Map.of());
        fixture.givenNoPriorActivity()
                .when(new CreateContact(ID, ACCOUNT, values, new InboxLink(TWILIO, "sms", null, false)))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage("param is missing or the value is empty: contact phone number");
    }

    @Test
    void derivesTheSourceIdPerChannel() {
        fixture.given(WITH_PHONE).when(link(TWILIO, "whatsapp", null))
                .expectEvents(linked(TWILIO, "whatsapp:+4912345"));
        fixture.given(WITH_PHONE).when(link(TWILIO, "sms", null)).expectEvents(linked(TWILIO, "+4912345"));
        fixture.given(WITH_PHONE).when(link(WHATSAPP, null, null)).expectEvents(linked(WHATSAPP, "4912345"));
        fixture.given(WITH_PHONE).when(link(EMAIL_INBOX, null, null))
                .expectEvents(linked(EMAIL_INBOX, "ann@example.com"));
    }

    @Test
    void anExistingLinkIsReturnedWithoutANewEvent() {
        fixture.given(WITH_PHONE, linked(API, "abc")).when(link(API, null, "abc")).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherSourceIdInTheSameInboxIsANewLink() {
        fixture.given(WITH_PHONE, linked(API, "abc")).when(link(API, null, "def")).expectEvents(linked(API, "def"));
    }

    @Test
    void hmacVerifiedTravelsInTheLink() {
        fixture.given(WITH_PHONE).when(new LinkContactInbox(ID, ACCOUNT, new InboxLink(API, null, "abc", true)))
                .expectEvents(new ContactInboxLinked(7, ACCOUNT, new ContactInbox("abc", true, API)));
    }

    @Test
    void missingEmailIsAParamError() {
        fixture.given(new ContactCreated(7, ACCOUNT, "Ann", null, "+4912345", null, false, Map.of(), Map.of()))
                .when(link(EMAIL_INBOX, null, null))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage("param is missing or the value is empty: contact email");
    }

    @Test
    void sourceIdsOfTheWrongFormatAreRefused() {
        fixture.given(WITH_PHONE).when(link(TWILIO, "sms", "4912345")).expectNoEvents()
                .expectException(ValidationFailedException.class);
        fixture.given(WITH_PHONE).when(link(TWILIO, "whatsapp", "+4912345")).expectNoEvents()
                .expectException(ValidationFailedException.class);
        fixture.given(WITH_PHONE).when(link(WHATSAPP, null, "+4912345")).expectNoEvents()
                .expectException(ValidationFailedException.class);
    }

    @Test
    void aContactOfAnotherAccountIsNotFound() {
        fixture.given(WITH_PHONE)
                .when(new LinkContactInbox(ID, 2, new InboxLink(API, null, "abc", false)))
                .expectNoEvents()
                .expectException(ContactNotFoundException.class);
    }
}
