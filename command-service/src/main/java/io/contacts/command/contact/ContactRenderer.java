package io.contacts.command.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.events.ContactState;
import io.contacts.events.InboxSummary;

/**
 * The contact object of a write's answer (Chatwoot's shape), rendered from the command's own state exactly as the
 * query side renders the contact's document (its {@code ContactJson}: the same keys in the same order), so that the
 * answer equals what the next read shows. {@code last_activity_at} is never in it: no event sets it.
 */
final class ContactRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The attribute hashes as the query side stores them: its Elasticsearch client drops null values of maps (at any
     * depth; not in arrays), so a read never shows a key set to null.
     */
    private static final ObjectMapper STORED = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ContactRenderer() {
    }

    /**
     * @param online    whether the contact was online when the query side made the write searchable
     * @param publicUrl where clients reach the edge, for the avatar's absolute URL
     */
    static ObjectNode render(ContactState state, boolean includeContactInboxes, boolean online, String publicUrl) {
        ObjectNode contact = MAPPER.createObjectNode();
        contact.put("id", state.contactId());
        contact.put("name", state.name());
        contact.put("email", state.email());
        contact.put("phone_number", state.phoneNumber());
        contact.put("identifier", state.identifier());
        contact.put("blocked", state.blocked());
        contact.put("thumbnail", state.avatarKey() == null ? "" : publicUrl + "/avatars/" + state.avatarKey());
        contact.put("availability_status", online ? "online" : "offline");
        contact.set("custom_attributes", STORED.valueToTree(state.customAttributes()));
        contact.set("additional_attributes", STORED.valueToTree(state.additionalAttributes()));
        contact.put("created_at", state.createdAt().getEpochSecond());
        if (includeContactInboxes) {
            ArrayNode links = contact.putArray("contact_inboxes");
            state.contactInboxes().forEach(link -> links.addObject().put("source_id", link.sourceId())
                    .set("inbox", slimInbox(link.inbox())));
        }
        return contact;
    }

    /** Chatwoot's slim inbox: id, avatar_url, channel_id, name, channel_type, provider (never the configuration). */
    static ObjectNode slimInbox(InboxSummary inbox) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", inbox.id());
        json.put("avatar_url", inbox.avatarUrl() == null ? "" : inbox.avatarUrl());
        json.put("channel_id", inbox.channelId());
        json.put("name", inbox.name());
        json.put("channel_type", inbox.channelType());
        json.put("provider", inbox.provider());
        return json;
    }
}
