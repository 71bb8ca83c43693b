package io.contacts.command.account;

import io.contacts.command.web.ApiException;
import org.springframework.http.HttpStatus;

/** The authenticated user of a request and their role in the account the request is for. */
public record AccountMember(long accountId, long userId, Role role) {

    /** The request attribute under which {@link ApiAuthInterceptor} leaves the member for the controllers. */
    public static final String REQUEST_ATTRIBUTE = "io.contacts.command.account.AccountMember";

    /** Chatwoot's policy denial for administrator-only actions: 401, not 403. */
    public void requireAdministrator() {
        if (role != Role.ADMINISTRATOR) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "You are not authorized to do this action");
        }
    }
}
