package io.contacts.command.contact;

import io.contacts.command.web.ApiException;
import org.springframework.http.HttpStatus;

/** A missing contact, a deleted one, or one of another account: the same 404, so nothing leaks across accounts. */
public class ContactNotFoundException extends ApiException {

    public ContactNotFoundException() {
        super(HttpStatus.NOT_FOUND, "Contact not found");
    }
}
