package io.contacts.command.account;

import jakarta.servlet.http.HttpServletRequest;

/** The {@code api_access_token} header; Rack (so Chatwoot) also takes the dashed spelling some proxies produce. */
public final class ApiTokens {

    private ApiTokens() {
    }

    public static String of(HttpServletRequest request) {
        String token = request.getHeader("api_access_token");
        return token != null ? token : request.getHeader("api-access-token");
    }
}
