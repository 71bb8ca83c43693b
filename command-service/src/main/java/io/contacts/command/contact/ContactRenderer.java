package io.contacts.command.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contacts.events.ContactState;

/**
 * The contact object (Chatwoot's shape) from the command side's own state. Only the fallback when the query side
 * did not answer in time; the query side renders every other response.
 */
final class ContactRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContactRenderer() {
    }

    /** @param publicUrl where clients reach the edge, for the avatar's absolute URL */
    static ObjectNode render(ContactState state, boolean includeContactInboxes, String publicUrl) {
        ObjectNode contact = MAPPER.createObjectNode();
        contact.put("id", state.contactId());
        contact.put("name", state.name());
        contact.put("email", state.email());
        contact.put("phone_number", state.phoneNumber());
        contact.put("identifier", state.identifier());
        contact.put("blocked", state.blocked());
        contact.put("thumbnail", state.avatarKey() == null ? "" : publicUrl + "/avatars/" + state.avatarKey());
        contact.put("availability_status", "offline");
        contact.set("custom_attributes", MAPPER.valueToTree(state.customAttributes()));
        contact.set("additional_attributes", MAPPER.valueToTree(state.additionalAttributes()));
        contact.put("created_at", state.createdAt().getEpochSecond());
        if (includeContactInboxes) {
            ArrayNode links = contact.putArray("contact_inboxes");
            state.contactInboxes().forEach(link -> links.addObject().put("source_id", link.sourceId())
                    .set("inbox", MAPPER.valueToTree(link.inbox())));
        }
        return contact;
    }
}
