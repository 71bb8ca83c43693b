package io.contacts.query.contact;

public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException() {
        super("Contact not found");
    }
}
