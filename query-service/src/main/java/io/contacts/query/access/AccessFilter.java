package io.contacts.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.web.ErrorBody;
import io.contacts.query.web.ServiceUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authorises every {@code /api/v1/accounts/{accountId}/...} request with the command-service, which owns accounts,
 * users and tokens; its refusals reach the client unchanged, so both services answer auth failures alike.
 */
class AccessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);
    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/api/v1/accounts/([^/]+)(/.*)?$");

    private final AccessChecker checker;
    private final ObjectMapper objectMapper;

    AccessFilter(AccessChecker checker, ObjectMapper objectMapper) {
        this.checker = checker;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher account = ACCOUNT_PATH.matcher(request.getServletPath());
        if (!account.matches()) {
            chain.doFilter(request, response);
            return;
        }
        AccessDecision decision;
        try {
            decision = checker.check(request.getHeader(CommandServiceAccessClient.TOKEN_HEADER), account.group(1));
        } catch (ServiceUnavailableException e) {
            log.warn("Access check failed: {}", e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), ErrorBody.of("Service unavailable"));
            return;
        }
        if (decision instanceof AccessDecision.Denied denied) {
            response.setStatus(denied.status());
            response.setContentType(denied.contentType());
            response.getOutputStream().write(denied.body());
            return;
        }
        chain.doFilter(request, response);
    }
}
