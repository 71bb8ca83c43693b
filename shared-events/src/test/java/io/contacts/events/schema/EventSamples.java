package io.contacts.events.schema;

import io.contacts.events.ContactAvatarChanged;
import io.contacts.events.ContactAvatarRemoved;
import io.contacts.events.ContactBlocked;
import io.contacts.events.ContactCreated;
import io.contacts.events.ContactDeleted;
import io.contacts.events.ContactEvent;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactInboxLinked;
import io.contacts.events.ContactLabelsChanged;
import io.contacts.events.ContactUnblocked;
import io.contacts.events.ContactUpdated;
import io.contacts.events.CustomAttributesRemoved;
import io.contacts.events.InboxSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Events as the command-service writes them, edge cases included. */
final class EventSamples {

    private EventSamples() {
    }

    /** One event of each type with every field set: its JSON shows every property the record can write. */
    static List<ContactEvent> full() {
        return List.of(
                new ContactCreated(41, 3, "Ada Lovelace", "ada@example.com", "+4915112345678", "crm-41", false,
                        Map.of("plan", "gold", "seats", 3), Map.of("city", "London", "company_name", "Engines")),
                new ContactUpdated(41, 3, Set.of(ContactUpdated.NAME, ContactUpdated.EMAIL,
                        ContactUpdated.PHONE_NUMBER, ContactUpdated.IDENTIFIER, ContactUpdated.CUSTOM_ATTRIBUTES,
                        ContactUpdated.ADDITIONAL_ATTRIBUTES), "Ada King", "ada.king@example.com", "+441234567",
                        "crm-41b", Map.of("seats", 5), Map.of("country", "UK")),
                new ContactBlocked(41, 3),
                new ContactUnblocked(41, 3),
                new CustomAttributesRemoved(41, 3, List.of("plan", "seats")),
                new ContactLabelsChanged(41, 3, List.of("vip", "Lead")),
                new ContactInboxLinked(41, 3, new ContactInbox("+4915112345678", true,
                        new InboxSummary(9, "SMS", "Channel::TwilioSms", 12, "twilio", "https://cdn/x.png"))),
                new ContactAvatarChanged(41, 3, "b64url-key_0123456789abcdef"),
                new ContactAvatarRemoved(41, 3),
                new ContactDeleted(41, 3));
    }

    /** Realistic values and the edges: cleared fields, empty maps and lists, unicode, nested and null JSON values. */
    static List<ContactEvent> edges() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("address", Map.of("street", "Straße 1", "zip", "10115"));
        nested.put("tags", List.of("a", 1, true, 2.5));
        nested.put("nothing", null);
        Map<String, Object> clearedKey = new HashMap<>();
        clearedKey.put("seats", null);
        List<ContactEvent> events = new ArrayList<>(full());
        events.addAll(List.of(
                new ContactCreated(42, 3, "", null, null, null, false, Map.of(), Map.of()),
                new ContactCreated(43, 3, "Zoë 李雷 🙂", "zoë@bücher.example", null, "ид-43", false, nested,
                        Map.of("social_profiles", Map.of("twitter", "zoe"))),
                new ContactCreated(44, 3, null, "nobody@example.com", null, null, false, null, null),
                new ContactUpdated(43, 3, Set.of(ContactUpdated.EMAIL, ContactUpdated.PHONE_NUMBER), null, null,
                        null, null, null, null),
                new ContactUpdated(43, 3, Set.of(ContactUpdated.NAME, ContactUpdated.IDENTIFIER), "", null, null, "x",
                        null, null),
                new ContactUpdated(43, 3, Set.of(ContactUpdated.CUSTOM_ATTRIBUTES), null, null, null, null,
                        clearedKey, null),
                new ContactUpdated(43, 3, Set.of(), null, null, null, null, null, null),
                new CustomAttributesRemoved(43, 3, List.of()),
                new ContactLabelsChanged(43, 3, List.of()),
                new ContactLabelsChanged(43, 3, List.of("größe", "客户")),
                new ContactInboxLinked(43, 3, new ContactInbox("5c1e0b1a-widget", false,
                        new InboxSummary(10, "Website", "Channel::WebWidget", 13, null, "")))));
        return events;
    }
}
