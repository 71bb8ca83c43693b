package io.contacts.command.inbox;

import io.contacts.events.InboxSummary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An inbox of an account with the channel fields contacts need ({@code medium} only for Twilio). */
public record Inbox(long id, long accountId, String name, ChannelType type, long channelId, String medium,
                    String email, String phoneNumber, Instant createdAt, Instant updatedAt) {

    /** The slim inbox that travels in contact events and contact JSON: no channel configuration. */
    public InboxSummary summary() {
        return new InboxSummary(id, name, type.className(), channelId, type.provider(), "");
    }

    /** The inbox as the inbox API (and create's {@code payload.contact_inbox.inbox}) renders it. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("account_id", accountId);
        json.put("name", name);
        json.put("channel_id", channelId);
        json.put("channel_type", type.className());
        json.put("provider", type.provider());
        if (type == ChannelType.TWILIO) {
            json.put("medium", medium);
        }
        json.put("email_address", email);
        json.put("phone_number", phoneNumber);
        json.put("avatar_url", "");
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        return json;
    }
}
