package io.contacts.command.account;

import io.contacts.command.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Admits {@code /platform/api/v1} requests that carry the platform token; with no token configured, none. */
@Component
class PlatformTokenInterceptor implements HandlerInterceptor {

    private final String platformToken;

    PlatformTokenInterceptor(@Value("${contacts.platform-token:}") String platformToken) {
        this.platformToken = platformToken;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = ApiTokens.of(request);
        if (platformToken.isBlank() || given == null || !AccessTokens.sameSecret(given, platformToken)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid Access Token");
        }
        return true;
    }
}
