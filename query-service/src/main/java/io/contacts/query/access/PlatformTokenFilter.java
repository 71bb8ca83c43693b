package io.contacts.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Admits the query-service's operator endpoints ({@code /platform/api/v1/...}) only with the platform token, the same
 * secret and the same 401 as the command-service's platform API; with no token configured, nothing is admitted.
 */
class PlatformTokenFilter extends OncePerRequestFilter {

    private final byte[] platformTokenDigest;
    private final ObjectMapper objectMapper;

    PlatformTokenFilter(String platformToken, ObjectMapper objectMapper) {
        this.platformTokenDigest = platformToken.isBlank() ? null : digest(platformToken);
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admitted(request.getHeader(CommandServiceAccessClient.TOKEN_HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), ErrorBody.of("Invalid Access Token"));
    }

    boolean admitted(String given) {
        // digests of equal length compared in constant time: neither the content nor the length of the secret leaks
        return platformTokenDigest != null && given != null
                && MessageDigest.isEqual(digest(given), platformTokenDigest);
    }

    private static byte[] digest(String value) {
        return TokenDigest.sha256(value).getBytes(StandardCharsets.US_ASCII);
    }
}
