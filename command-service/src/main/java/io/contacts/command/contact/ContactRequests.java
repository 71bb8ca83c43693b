package io.contacts.command.contact;

import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;

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
public final class ContactRequests {

    private ContactRequests() {
    }

    /** The fields of a create or update body, not yet normalised. */
    public static ContactChanges changes(JsonBody body) {
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

    /** Longer than any URL browsers and servers commonly take; the URL is fetched, never stored. */
    static final int MAX_AVATAR_URL = 2048;

    /** The {@code avatar_url} to fetch the avatar from; null when absent or blank; 422 when too long to be a URL. */
    static String avatarUrl(JsonBody body) {
        String url = body.text("avatar_url");
        if (url != null && url.strip().length() > MAX_AVATAR_URL) {
            throw new ValidationFailedException(List.of(new Violation("avatar_url",
                    "Avatar url is too long (maximum is " + MAX_AVATAR_URL + " characters)")));
        }
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** The keys of a {@code destroy_custom_attributes} body; none when the parameter is missing. */
    static List<String> removedKeys(JsonBody body) {
        return body.strings(CUSTOM_ATTRIBUTES);
    }
}
