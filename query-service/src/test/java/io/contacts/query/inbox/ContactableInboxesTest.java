package io.contacts.query.inbox;

import io.contacts.events.ContactInbox;
import io.contacts.events.InboxSummary;
import io.contacts.query.projection.ContactDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** chatwoot-reference.md 3.9 and scenarios 116-119. */
class ContactableInboxesTest {

    private static final VisibleInbox TWILIO_SMS = inbox(1, "Channel::TwilioSms", "sms");
    private static final VisibleInbox TWILIO_WA = inbox(2, "Channel::TwilioSms", "whatsapp");
    private static final VisibleInbox EMAIL = inbox(3, "Channel::Email", null);
    private static final VisibleInbox SMS = inbox(4, "Channel::Sms", null);
    private static final VisibleInbox WHATSAPP = inbox(5, "Channel::Whatsapp", null);
    private static final VisibleInbox API = inbox(6, "Channel::Api", null);
    private static final VisibleInbox WEBSITE = inbox(7, "Channel::WebWidget", null);
    private static final VisibleInbox FACEBOOK = inbox(8, "Channel::FacebookPage", null);
    private static final List<VisibleInbox> ALL =
            List.of(TWILIO_SMS, TWILIO_WA, EMAIL, SMS, WHATSAPP, API, WEBSITE, FACEBOOK);

    private static VisibleInbox inbox(long id, String channelType, String medium) {
        return new VisibleInbox(id, "Inbox " + id, 100 + id, channelType, null, "", medium);
    }

    private static ContactDocument contact(String email, String phone, List<ContactInbox> links) {
        return new ContactDocument(9, 1, "Ann", email, phone, null, false, true, false, Map.of(), Map.of(), null,
                null, null, List.of(), links, 0L, 0L, null, 0, null, null, List.of(), null);
    }

    private static ContactInbox link(VisibleInbox inbox, String sourceId) {
        return new ContactInbox(sourceId, false, new InboxSummary(inbox.id(), inbox.name(), inbox.channelType(),
                inbox.channelId(), null, ""));
    }

    private static Map<Long, String> offered(ContactDocument contact) {
        return ContactableInboxes.of(contact, ALL).stream()
                .collect(Collectors.toMap(c -> c.inbox().id(), ContactableInboxes.Contactable::sourceId));
    }

    @Test
    void offersPhoneAndEmailChannelsWithTheContactsAddresses() {
        Map<Long, String> offered = offered(contact("ann@example.com", "+2320000", List.of()));
        assertThat(offered).containsEntry(1L, "+2320000").containsEntry(2L, "whatsapp:+2320000")
                .containsEntry(3L, "ann@example.com").containsEntry(4L, "+2320000").containsEntry(5L, "2320000")
                .containsKey(6L).doesNotContainKeys(7L, 8L);
        assertThat(offered.get(6L)).matches("[0-9a-f-]{36}");
    }

    @Test
    void leavesOutChannelsWhoseAddressIsMissing() {
        assertThat(offered(contact(null, null, List.of())).keySet()).containsExactly(6L);
    }

    @Test
    void offersExistingLinksOfApiAndWebsiteInboxes() {
        Map<Long, String> offered = offered(contact(null, null,
                List.of(link(API, "old"), link(API, "latest"), link(WEBSITE, "widget"))));
        assertThat(offered).containsEntry(6L, "latest").containsEntry(7L, "widget");
    }
}
