package io.contacts.command.contact;

import io.contacts.command.web.JsonBody;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.events.ContactUpdated.ADDITIONAL_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.CUSTOM_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.IDENTIFIER;
import static io.contacts.events.ContactUpdated.NAME;
import static io.contacts.events.ContactUpdated.PHONE_NUMBER;

/**
 * Reads the top-level fields of a contact request body, as Chatwoot permits them; anything else is ignored (the
 * {@code avatar} file part is read by the controller, {@code inbox_id} by {@link InboxLinkRequests}).
 */
final class ContactRequests {

    private ContactRequests() {
    }

    /** The fields of a create or update body, not yet normalised. */
    static ContactChanges changes(JsonBody body) {
        Set<String> fields = new LinkedHashSet<>();
        for (String field : List.of(NAME, EMAIL, PHONE_NUMBER, IDENTIFIER, CUSTOM_ATTRIBUTES, ADDITIONAL_ATTRIBUTES)) {
            if (body.has(field)) {
                fields.add(field);
            }
        }
        Boolean blocked = body.bool(ContactChanges.BLOCKED);
        if (blocked != null) {
            fields.add(ContactChanges.BLOCKED);
        }
        Map<String, Object> custom = body.object(CUSTOM_ATTRIBUTES);
        Map<String, Object> additional = body.object(ADDITIONAL_ATTRIBUTES);
        return new ContactChanges(fields, body.text(NAME), body.text(EMAIL), body.text(PHONE_NUMBER),
                body.text(IDENTIFIER), blocked, custom, additional);
    }

    /** The {@code avatar_url} to fetch the avatar from; null when absent or blank. */
    static String avatarUrl(JsonBody body) {
        String url = body.text("avatar_url");
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** The keys of a {@code destroy_custom_attributes} body; none when the parameter is missing. */
    static List<String> removedKeys(JsonBody body) {
        return body.strings(CUSTOM_ATTRIBUTES);
    }
}
