package io.contacts.query.contact;

/** A contact id from a path: anything but a decimal number names no contact (404, as Chatwoot). */
public final class ContactIds {

    private ContactIds() {
    }

    public static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ContactNotFoundException();
        }
    }
}
