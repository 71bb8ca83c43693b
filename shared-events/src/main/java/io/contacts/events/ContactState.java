package io.contacts.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current state of a contact, folded from its events. Subscribers that keep a copy of contacts (the query side's
 * projection, other systems) fold with {@link #apply}; {@code sequence} is the number of the last event applied.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactState(long contactId, long accountId, String name, String email, String phoneNumber,
                           String identifier, boolean blocked, Map<String, Object> customAttributes,
                           Map<String, Object> additionalAttributes, Instant createdAt, Instant updatedAt,
                           long sequence, boolean deleted) {

    public ContactState {
        customAttributes = customAttributes == null ? Map.of() : customAttributes;
        additionalAttributes = additionalAttributes == null ? Map.of() : additionalAttributes;
    }

    /** The state after a contact's first event. */
    public static ContactState created(ContactCreated e, long sequence, Instant time) {
        return new ContactState(e.contactId(), e.accountId(), e.name(), e.email(), e.phoneNumber(), e.identifier(),
                e.blocked(), e.customAttributes(), e.additionalAttributes(), time, time, sequence, false);
    }

    /** Folds one event into this state (a no-op for a {@link ContactCreated}, which starts a state). */
    public ContactState apply(ContactEvent event, long sequence, Instant time) {
        if (event instanceof ContactCreated c) {
            return created(c, sequence, time);
        }
        if (event instanceof ContactUpdated u) {
            return new ContactState(contactId, accountId,
                    u.changed(ContactUpdated.NAME) ? u.name() : name,
                    u.changed(ContactUpdated.EMAIL) ? u.email() : email,
                    u.changed(ContactUpdated.PHONE_NUMBER) ? u.phoneNumber() : phoneNumber,
                    u.changed(ContactUpdated.IDENTIFIER) ? u.identifier() : identifier,
                    blocked,
                    u.changed(ContactUpdated.CUSTOM_ATTRIBUTES) ? merge(customAttributes, u.customAttributes())
                            : customAttributes,
                    u.changed(ContactUpdated.ADDITIONAL_ATTRIBUTES)
                            ? merge(additionalAttributes, u.additionalAttributes()) : additionalAttributes,
                    createdAt, time, sequence, deleted);
        }
        if (event instanceof ContactBlocked || event instanceof ContactUnblocked) {
            return new ContactState(contactId, accountId, name, email, phoneNumber, identifier,
                    event instanceof ContactBlocked, customAttributes, additionalAttributes, createdAt, time,
                    sequence, deleted);
        }
        if (event instanceof CustomAttributesRemoved r) {
            Map<String, Object> remaining = new LinkedHashMap<>(customAttributes);
            r.keys().forEach(remaining::remove);
            return new ContactState(contactId, accountId, name, email, phoneNumber, identifier, blocked, remaining,
                    additionalAttributes, createdAt, time, sequence, deleted);
        }
        if (event instanceof ContactDeleted) {
            return new ContactState(contactId, accountId, name, email, phoneNumber, identifier, blocked,
                    customAttributes, additionalAttributes, createdAt, time, sequence, true);
        }
        throw new IllegalArgumentException("Unhandled event " + event.getClass());
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        if (patch != null) {
            merged.putAll(patch);
        }
        return merged;
    }
}
