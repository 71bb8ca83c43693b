package io.contacts.command.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The query-service's way to authorise its {@code /api/v1} requests with the very same decision. */
@RestController
class InternalAccessController {

    private final AccountAccess access;
    private final AccountDirectory directory;

    InternalAccessController(AccountAccess access, AccountDirectory directory) {
        this.access = access;
        this.directory = directory;
    }

    @GetMapping("/internal/v1/accounts/{accountId}/access")
    Map<String, Object> access(@PathVariable String accountId, HttpServletRequest request) {
        AccountMember member = access.check(request, accountId);
        // the email lets the query side notify the requester of an export
        return Map.of("user_id", member.userId(), "role", member.role().value(),
                "email", directory.userEmail(member.userId()));
    }
}
