package io.contacts.query.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user a request acts for and their role in the request's account, as the command-service decided; the
 * {@link AccessFilter} leaves it on the request for the controllers that need to know who asked.
 */
public record AccountMember(long userId, String role, String email) {

    static final String REQUEST_ATTRIBUTE = AccountMember.class.getName();
    private static final String ADMINISTRATOR = "administrator";

    /** The member the access check granted this request. */
    public static AccountMember of(HttpServletRequest request) {
        Object member = request.getAttribute(REQUEST_ATTRIBUTE);
        if (!(member instanceof AccountMember granted)) {
            throw new IllegalStateException("No access decision for " + request.getRequestURI());
        }
        return granted;
    }

    /** Chatwoot's policy denial for administrator-only actions: 401, not 403, as on the command side. */
    public AccountMember requireAdministrator() {
        if (!ADMINISTRATOR.equals(role)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "You are not authorized to do this action");
        }
        return this;
    }
}
