package io.contacts.command.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Authorises every {@code /api/v1} request before its body is read, and leaves the {@link AccountMember} for the
 * controller (which checks roles). A denial propagates to the JSON error handling.
 */
@Component
class ApiAuthInterceptor implements HandlerInterceptor {

    private final AccountAccess access;

    ApiAuthInterceptor(AccountAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String accountId = variables == null ? null : variables.get("accountId");
        request.setAttribute(AccountMember.REQUEST_ATTRIBUTE, access.check(request, accountId));
        return true;
    }
}
