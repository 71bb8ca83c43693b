package io.contacts.command.contact;

import io.contacts.command.inbox.ChannelType;
import io.contacts.command.inbox.Inbox;
import io.contacts.events.InboxSummary;

import java.util.UUID;

/**
 * A requested link of a contact to an inbox: the slim inbox (it travels in the event), the Twilio medium, and the
 * source id asked for. For channels whose source ids are random the UUID is drawn here, so the aggregate's rules stay
 * deterministic.
 */
public record InboxLink(InboxSummary inbox, String medium, String sourceId, boolean hmacVerified) {

    public static InboxLink to(Inbox inbox, String requestedSourceId, boolean hmacVerified) {
        String sourceId = requestedSourceId;
        if (sourceId == null && (inbox.type() == ChannelType.API || inbox.type() == ChannelType.WEB_WIDGET)) {
            sourceId = UUID.randomUUID().toString();
        }
        return new InboxLink(inbox.summary(), inbox.medium(), sourceId, hmacVerified);
    }
}
