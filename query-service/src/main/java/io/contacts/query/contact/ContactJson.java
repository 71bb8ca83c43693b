package io.contacts.query.contact;

import io.contacts.events.ContactInbox;
import io.contacts.events.InboxSummary;
import io.contacts.query.projection.ContactDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one renderer of the contact object (chatwoot-reference.md section 2), used by every read endpoint and, through
 * the internal endpoint, by the command-service's write responses.
 */
public final class ContactJson {

    private ContactJson() {
    }

    /**
     * @param online    whether the contact is online now (the presence index, not the document, knows)
     * @param publicUrl where clients reach the edge, for the avatar's absolute URL
     */
    public static Map<String, Object> contact(ContactDocument document, boolean includeContactInboxes,
                                              boolean online, String publicUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", document.id());
        json.put("name", document.name());
        json.put("email", document.email());
        json.put("phone_number", document.phoneNumber());
        json.put("identifier", document.identifier());
        json.put("blocked", document.blocked());
        json.put("thumbnail", document.avatarKey() == null ? "" : publicUrl + "/avatars/" + document.avatarKey());
        json.put("availability_status", online ? "online" : "offline");
        json.put("custom_attributes", document.customAttributes());
        json.put("additional_attributes", document.additionalAttributes());
        json.put("created_at", epochSeconds(document.createdAt()));
        if (document.lastActivityAt() != null) {
            json.put("last_activity_at", epochSeconds(document.lastActivityAt()));
        }
        if (includeContactInboxes) {
            json.put("contact_inboxes", document.contactInboxes().stream().map(ContactJson::contactInbox).toList());
        }
        return json;
    }

    /** A contact's link to an inbox with the slim inbox (never the channel's configuration). */
    private static Map<String, Object> contactInbox(ContactInbox link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source_id", link.sourceId());
        json.put("inbox", slimInbox(link.inbox()));
        return json;
    }

    /** Chatwoot's slim inbox: id, avatar_url, channel_id, name, channel_type, provider. */
    public static Map<String, Object> slimInbox(InboxSummary inbox) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", inbox.id());
        json.put("avatar_url", inbox.avatarUrl() == null ? "" : inbox.avatarUrl());
        json.put("channel_id", inbox.channelId());
        json.put("name", inbox.name());
        json.put("channel_type", inbox.channelType());
        json.put("provider", inbox.provider());
        return json;
    }

    /** A single-contact response: the contact flat (as the seed document shows) and in Chatwoot's payload. */
    public static Map<String, Object> single(ContactDocument document, boolean includeContactInboxes,
                                             boolean online, String publicUrl) {
        Map<String, Object> contact = contact(document, includeContactInboxes, online, publicUrl);
        Map<String, Object> json = new LinkedHashMap<>(contact);
        json.put("payload", contact);
        return json;
    }

    private static Long epochSeconds(Long millis) {
        return millis == null ? null : Math.floorDiv(millis, 1000L);
    }
}
