package io.contacts.command.account;

import io.contacts.command.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Who may act in an account: the decision behind every {@code /api/v1} request (here and, through
 * {@code /internal/v1/accounts/{id}/access}, in the query-service). Checks in Chatwoot's order: credentials, token,
 * account, membership; each denial is an {@link ApiException} with Chatwoot's status and body.
 */
@Component
public class AccountAccess {

    private static final String SIGN_IN = "You need to sign in or sign up before continuing.";

    private final JdbcTemplate jdbc;
    private final FailedAuthentications failures;

    AccountAccess(JdbcTemplate jdbc, FailedAuthentications failures) {
        this.jdbc = jdbc;
        this.failures = failures;
    }

    /** The request's token and client address (as the edge saw it: Tomcat's RemoteIpValve reads X-Forwarded-For). */
    public AccountMember check(HttpServletRequest request, String accountId) {
        return check(ApiTokens.of(request), accountId, request.getRemoteAddr());
    }

    AccountMember check(String token, String accountId, String clientAddress) {
        failures.checkAllowed(clientAddress);
        if (token == null || token.isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, Map.of("error", SIGN_IN, "errors", List.of(SIGN_IN)));
        }
        List<Long> users = jdbc.queryForList("SELECT user_id FROM access_tokens WHERE token_sha256 = ?", Long.class,
                AccessTokens.sha256(token));
        if (users.isEmpty()) {
            failures.failed(clientAddress);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid Access Token");
        }
        long userId = users.get(0);
        if (accountId == null || !accountId.matches("\\d{1,18}")) {
            throw accountNotFound();
        }
        long account = Long.parseLong(accountId);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT au.role FROM accounts a "
                + "LEFT JOIN account_users au ON au.account_id = a.id AND au.user_id = ? WHERE a.id = ?",
                userId, account);
        if (rows.isEmpty()) {
            throw accountNotFound();
        }
        Object role = rows.get(0).get("role");
        if (role == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "You are not authorized to access this account");
        }
        return new AccountMember(account, userId, Role.of(role.toString()).orElseThrow());
    }

    private static ApiException accountNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Account not found");
    }
}
