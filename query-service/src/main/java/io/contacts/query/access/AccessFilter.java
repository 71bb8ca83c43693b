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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
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
    private final List<SignedPath> signedPaths;
    private final ObjectMapper objectMapper;

    AccessFilter(AccessChecker checker, List<SignedPath> signedPaths, ObjectMapper objectMapper) {
        this.checker = checker;
        this.signedPaths = signedPaths;
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
        for (SignedPath signed : signedPaths) {
            if (signed.covers(request)) {
                if (signed.signatureValid(request)) {
                    chain.doFilter(request, response);
                } else {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, signed.refusal());
                }
                return;
            }
        }
        AccessDecision decision;
        try {
            decision = checker.check(request.getHeader(CommandServiceAccessClient.TOKEN_HEADER), account.group(1),
                    request.getRemoteAddr());
        } catch (ServiceUnavailableException e) {
            log.warn("Access check failed: {}", e.getMessage());
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable");
            return;
        }
        if (decision instanceof AccessDecision.Denied denied) {
            response.setStatus(denied.status());
            response.setContentType(denied.contentType());
            if (denied.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, denied.retryAfter());
            }
            response.getOutputStream().write(denied.body());
            return;
        }
        request.setAttribute(AccountMember.REQUEST_ATTRIBUTE, ((AccessDecision.Granted) decision).member());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), ErrorBody.of(error));
    }
}
