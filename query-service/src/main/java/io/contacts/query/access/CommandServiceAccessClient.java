package io.contacts.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Asks the command-service's internal access endpoint (docs/internals.md). */
@Component
public class CommandServiceAccessClient {

    public static final String TOKEN_HEADER = "api_access_token";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RestClient client;
    private final URI commandUrl;

    CommandServiceAccessClient(RestClient.Builder builder, AccessProperties properties) {
        this.client = builder.build();
        this.commandUrl = properties.commandUrl();
    }

    /**
     * The client's address goes along as {@code X-Forwarded-For} (the command-service trusts it from internal
     * proxies): it limits failed authentications per client address.
     */
    AccessDecision check(String token, String accountId, String clientAddress) {
        URI uri = commandUrl.resolve("/internal/v1/accounts/"
                + UriUtils.encodePathSegment(accountId, StandardCharsets.UTF_8) + "/access");
        try {
            return client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        headers.set(FORWARDED_FOR, clientAddress);
                        if (token != null) {
                            headers.set(TOKEN_HEADER, token);
                        }
                    })
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == 200) {
                            JsonNode member = response.bodyTo(JsonNode.class);
                            return new AccessDecision.Granted(new AccountMember(member.path("user_id").asLong(),
                                    member.path("role").asText(), member.path("email").asText(null)));
                        }
                        String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
                        return new AccessDecision.Denied(response.getStatusCode().value(),
                                contentType == null ? MediaType.APPLICATION_JSON_VALUE : contentType,
                                StreamUtils.copyToByteArray(response.getBody()),
                                response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                    });
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailableException("The command-service is unreachable: " + e.getMessage(), e);
        }
    }
}
