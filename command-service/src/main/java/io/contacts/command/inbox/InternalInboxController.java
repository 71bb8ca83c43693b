package io.contacts.command.inbox;

import io.contacts.command.account.AccountAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The inboxes a token's user may see in an account, for the query-service's contactable inboxes. */
@RestController
class InternalInboxController {

    private final AccountAccess access;
    private final Inboxes inboxes;

    InternalInboxController(AccountAccess access, Inboxes inboxes) {
        this.access = access;
        this.inboxes = inboxes;
    }

    @GetMapping("/internal/v1/accounts/{accountId}/inboxes")
    Map<String, Object> visible(@PathVariable String accountId, HttpServletRequest request) {
        return Map.of("payload", inboxes.visibleTo(access.check(request, accountId)).stream()
                .map(Inbox::json).toList());
    }
}
