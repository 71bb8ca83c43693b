package io.contacts.command.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.command.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the query side, which owns presence, whether a contact is online
 * ({@code GET /internal/v1/accounts/{a}/contacts/{id}/presence}). Fails closed: when the answer is unknown the
 * caller gets 503 rather than a delete that might remove an online contact.
 */
@Component
public class PresenceCheck {

    private static final Logger log = LoggerFactory.getLogger(PresenceCheck.class);
    static final String UNKNOWN = "Presence cannot be checked right now, try again shortly";

    private final ObjectMapper mapper;
    private final String queryUrl;
    private final Duration timeout;
    private final HttpClient http;

    PresenceCheck(ObjectMapper mapper, @Value("${contacts.query-url}") String queryUrl,
                  @Value("${contacts.presence.check-timeout}") Duration timeout) {
        this.mapper = mapper;
        this.queryUrl = queryUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public boolean isOnline(long accountId, String contactId) {
        URI uri = URI.create(queryUrl + "/internal/v1/accounts/" + accountId + "/contacts/" + contactId
                + "/presence");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode online = response.statusCode() == 200 ? mapper.readTree(response.body()).get("online") : null;
            if (online != null && online.isBoolean()) {
                return online.booleanValue();
            }
            log.warn("Query side answered {} to the presence check of contact {}", response.statusCode(), contactId);
        } catch (IOException e) {
            log.warn("Query side unreachable for the presence check of contact {} ({})", contactId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, UNKNOWN);
    }
}
