package io.contacts.command.contact;

import io.contacts.command.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** An online contact cannot be deleted (chatwoot-reference.md 3.8; wording of CONTACTS-API.md, key {@code message}). */
public class ContactOnlineException extends ApiException {

    public ContactOnlineException(String name) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, Map.of("message", message(name)));
    }

    static String message(String name) {
        String who = name == null || name.isBlank() ? "this contact" : name;
        return "Cannot delete " + who + " while they are online";
    }
}
