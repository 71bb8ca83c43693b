package io.contacts.query.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contacts.query.access.AccessProperties;
import io.contacts.query.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The types of an account's contact attribute definitions, which type custom-attribute filter conditions. The
 * command-service owns them (internal endpoint {@code GET /internal/v1/accounts/{a}/custom_attribute_definitions},
 * docs/internals.md); they are remembered briefly, so a new definition types filters after at most that long.
 */
@Component
class AttributeDefinitions {

    private static final String CONTACT_ATTRIBUTE = "contact_attribute";

    private final RestClient client;
    private final URI commandUrl;
    private final Cache<Long, Map<String, CustomType>> cache;

    AttributeDefinitions(RestClient.Builder builder, AccessProperties access,
                         @Value("${contacts.custom-attributes.cache-ttl}") Duration ttl) {
        this.client = builder.build();
        this.commandUrl = access.commandUrl();
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    Map<String, CustomType> contactAttributeTypes(long accountId) {
        return cache.get(accountId, this::fetch);
    }

    private Map<String, CustomType> fetch(long accountId) {
        JsonNode definitions;
        try {
            definitions = client.get()
                    .uri(commandUrl.resolve("/internal/v1/accounts/" + accountId + "/custom_attribute_definitions"))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new ServiceUnavailableException("The command-service cannot list attribute definitions: "
                    + e.getMessage(), e);
        }
        Map<String, CustomType> types = new HashMap<>();
        if (definitions != null) {
            for (JsonNode definition : definitions) {
                if (CONTACT_ATTRIBUTE.equals(definition.path("attribute_model").asText())) {
                    CustomType.ofDisplayType(definition.path("attribute_display_type").asText())
                            .ifPresent(type -> types.put(definition.path("attribute_key").asText(), type));
                }
            }
        }
        return Map.copyOf(types);
    }
}
