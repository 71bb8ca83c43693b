package io.contacts.query.contact;

/** {@code include_contact_inboxes}: absent or empty means true, exactly "true" means true, anything else false. */
public final class IncludeContactInboxes {

    private IncludeContactInboxes() {
    }

    public static boolean of(String value) {
        return value == null || value.isEmpty() || "true".equals(value);
    }
}
