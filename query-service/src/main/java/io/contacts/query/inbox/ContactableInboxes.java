package io.contacts.query.inbox;

import io.contacts.events.ContactInbox;
import io.contacts.query.projection.ContactDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Through which inboxes a conversation with a contact could be started, and under which source id
 * (chatwoot-reference.md 3.9). We keep no conversations, so an existing web-widget link always counts as one
 * "without conversations".
 */
final class ContactableInboxes {

    record Contactable(VisibleInbox inbox, String sourceId) {
    }

    private ContactableInboxes() {
    }

    static List<Contactable> of(ContactDocument contact, List<VisibleInbox> inboxes) {
        List<Contactable> contactable = new ArrayList<>();
        for (VisibleInbox inbox : inboxes) {
            sourceId(contact, inbox).ifPresent(sourceId -> contactable.add(new Contactable(inbox, sourceId)));
        }
        return contactable;
    }

    private static Optional<String> sourceId(ContactDocument contact, VisibleInbox inbox) {
        Optional<String> phone = Optional.ofNullable(contact.phoneNumber()).filter(p -> !p.isEmpty());
        return switch (inbox.channelType()) {
            case "Channel::TwilioSms" -> phone.map(p -> "whatsapp".equals(inbox.medium()) ? "whatsapp:" + p : p);
            case "Channel::Whatsapp" -> phone.map(p -> p.replace("+", ""));
            case "Channel::Sms" -> phone;
            case "Channel::Email" -> Optional.ofNullable(contact.email()).filter(e -> !e.isEmpty());
            case "Channel::Api" -> latestLink(contact, inbox).or(() -> Optional.of(UUID.randomUUID().toString()));
            case "Channel::WebWidget" -> latestLink(contact, inbox);
            default -> Optional.empty();
        };
    }

    private static Optional<String> latestLink(ContactDocument contact, VisibleInbox inbox) {
        List<ContactInbox> links = contact.contactInboxes().stream()
                .filter(link -> link.inbox().id() == inbox.id()).toList();
        return links.isEmpty() ? Optional.empty() : Optional.of(links.get(links.size() - 1).sourceId());
    }
}
