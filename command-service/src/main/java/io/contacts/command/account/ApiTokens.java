package io.contacts.command.account;

import jakarta.servlet.http.HttpServletRequest;

/** The {@code api_access_token} header; Rack (so Chatwoot) also takes the dashed spelling some proxies produce. */
final class ApiTokens {

    private ApiTokens() {
    }

    static String of(HttpServletRequest request) {
        String token = request.getHeader("api_access_token");
        return token != null ? token : request.getHeader("api-access-token");
    }
}
