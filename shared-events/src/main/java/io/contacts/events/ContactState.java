package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current state of a contact, folded from its events. Subscribers that keep a copy of contacts (the query side's
 * projection, other systems) fold with {@link #apply}; {@code sequence} is the number of the last event applied.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactState(long contactId, long accountId, String name, String email, String phoneNumber,
                           String identifier, boolean blocked, Map<String, Object> customAttributes,
                           Map<String, Object> additionalAttributes, List<String> labels,
                           List<ContactInbox> contactInboxes, Instant createdAt, Instant updatedAt,
                           long sequence, boolean deleted, String avatarKey) {

    public ContactState {
        customAttributes = customAttributes == null ? Map.of() : customAttributes;
        additionalAttributes = additionalAttributes == null ? Map.of() : additionalAttributes;
        labels = labels == null ? List.of() : List.copyOf(labels);
        contactInboxes = contactInboxes == null ? List.of() : List.copyOf(contactInboxes);
    }

    /** The state after a contact's first event. */
    public static ContactState created(ContactCreated e, long sequence, Instant time) {
        return new ContactState(e.contactId(), e.accountId(), e.name(), e.email(), e.phoneNumber(), e.identifier(),
                e.blocked(), e.customAttributes(), e.additionalAttributes(), List.of(), List.of(), time, time,
                sequence, false, null);
    }

    /** Folds one event into this state (a {@link ContactCreated} starts a new state). */
    public ContactState apply(ContactEvent event, long sequence, Instant time) {
        if (event instanceof ContactCreated c) {
            return created(c, sequence, time);
        }
        Change next = new Change(this);
        if (event instanceof ContactUpdated u) {
            if (u.changed(ContactUpdated.NAME)) {
                next.name = u.name();
            }
            if (u.changed(ContactUpdated.EMAIL)) {
                next.email = u.email();
            }
            if (u.changed(ContactUpdated.PHONE_NUMBER)) {
                next.phoneNumber = u.phoneNumber();
            }
            if (u.changed(ContactUpdated.IDENTIFIER)) {
                next.identifier = u.identifier();
            }
            if (u.changed(ContactUpdated.CUSTOM_ATTRIBUTES)) {
                next.customAttributes = merge(customAttributes, u.customAttributes());
            }
            if (u.changed(ContactUpdated.ADDITIONAL_ATTRIBUTES)) {
                next.additionalAttributes = merge(additionalAttributes, u.additionalAttributes());
            }
        } else if (event instanceof ContactBlocked || event instanceof ContactUnblocked) {
            next.blocked = event instanceof ContactBlocked;
        } else if (event instanceof CustomAttributesRemoved r) {
            Map<String, Object> remaining = new LinkedHashMap<>(customAttributes);
            r.keys().forEach(remaining::remove);
            next.customAttributes = remaining;
        } else if (event instanceof ContactLabelsChanged l) {
            next.labels = l.labels();
        } else if (event instanceof ContactInboxLinked l) {
            List<ContactInbox> links = new ArrayList<>(contactInboxes);
            links.removeIf(existing -> existing.inbox().id() == l.contactInbox().inbox().id()
                    && existing.sourceId().equals(l.contactInbox().sourceId()));
            links.add(l.contactInbox());
            next.contactInboxes = links;
        } else if (event instanceof ContactAvatarChanged a) {
            next.avatarKey = a.avatarKey();
        } else if (event instanceof ContactAvatarRemoved) {
            next.avatarKey = null;
        } else if (event instanceof ContactDeleted) {
            next.deleted = true;
        } else {
            throw new IllegalArgumentException("Unhandled event " + event.getClass());
        }
        return next.at(sequence, time);
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        if (patch != null) {
            merged.putAll(patch);
        }
        return merged;
    }

    /** The one place a folded state is copied, so that adding a field touches one constructor call. */
    private static final class Change {
        private final ContactState from;
        private String name;
        private String email;
        private String phoneNumber;
        private String identifier;
        private boolean blocked;
        private Map<String, Object> customAttributes;
        private Map<String, Object> additionalAttributes;
        private List<String> labels;
        private List<ContactInbox> contactInboxes;
        private boolean deleted;
        private String avatarKey;

        private Change(ContactState from) {
            this.from = from;
            name = from.name;
            email = from.email;
            phoneNumber = from.phoneNumber;
            identifier = from.identifier;
            blocked = from.blocked;
            customAttributes = from.customAttributes;
            additionalAttributes = from.additionalAttributes;
            labels = from.labels;
            contactInboxes = from.contactInboxes;
            deleted = from.deleted;
            avatarKey = from.avatarKey;
        }

        private ContactState at(long sequence, Instant time) {
            return new ContactState(from.contactId, from.accountId, name, email, phoneNumber, identifier, blocked,
                    customAttributes, additionalAttributes, labels, contactInboxes, from.createdAt, time, sequence,
                    deleted, avatarKey);
        }
    }
}
