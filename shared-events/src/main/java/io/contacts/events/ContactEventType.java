package io.contacts.events;

import java.net.URL;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stable CloudEvents {@code type} of each event record. A breaking change to a record is a new {@code .v2} type,
 * never an edit of an existing one.
 */
public enum ContactEventType {
    CREATED("contact.created.v1", ContactCreated.class),
    UPDATED("contact.updated.v1", ContactUpdated.class),
    BLOCKED("contact.blocked.v1", ContactBlocked.class),
    UNBLOCKED("contact.unblocked.v1", ContactUnblocked.class),
    DELETED("contact.deleted.v1", ContactDeleted.class),
    CUSTOM_ATTRIBUTES_REMOVED("contact.custom_attributes_removed.v1", CustomAttributesRemoved.class),
    LABELS_CHANGED("contact.labels_changed.v1", ContactLabelsChanged.class),
    INBOX_LINKED("contact.inbox_linked.v1", ContactInboxLinked.class),
    AVATAR_CHANGED("contact.avatar_changed.v1", ContactAvatarChanged.class),
    AVATAR_REMOVED("contact.avatar_removed.v1", ContactAvatarRemoved.class);

    private final String type;
    private final Class<? extends ContactEvent> recordClass;

    ContactEventType(String type, Class<? extends ContactEvent> recordClass) {
        this.type = type;
        this.recordClass = recordClass;
    }

    public String type() {
        return type;
    }

    public Class<? extends ContactEvent> recordClass() {
        return recordClass;
    }

    /**
     * The class-path name of this type's JSON Schema (draft 2020-12) in this jar, e.g.
     * {@code schemas/contact.created.v1.json}: the JSON body of every event of this type validates against it.
     */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** Where {@link #schemaResource()} is, to open or hand to a JSON Schema validator. */
    public URL schemaUrl() {
        URL url = ContactEventType.class.getClassLoader().getResource(schemaResource());
        if (url == null) {
            throw new IllegalStateException("No " + schemaResource() + " on the class path");
        }
        return url;
    }

    public static ContactEventType of(ContactEvent event) {
        return Arrays.stream(values()).filter(t -> t.recordClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No type for " + event.getClass()));
    }

    public static Optional<ContactEventType> byType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
