package io.contacts.query.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.contacts.query.access.AccessProperties;
import io.contacts.query.configuration.AccountCache;
import io.contacts.query.configuration.AccountCaches;
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
import java.util.Set;
import java.util.function.Function;

/**
 * The types of an account's contact attribute definitions, which type custom-attribute filter conditions. The
 * command-service owns them (internal endpoint {@code GET /internal/v1/accounts/{a}/custom_attribute_definitions},
 * docs/internals.md); they are kept until the account's configuration changes (at most the TTL when that
 * announcement does not come), and fetched again before a key they lack is refused.
 */
@Component
class AttributeDefinitions {

    private static final String CONTACT_ATTRIBUTE = "contact_attribute";

    private final RestClient client;
    private final URI commandUrl;
    private final AccountCache<Long, Map<String, CustomType>> cache;

    AttributeDefinitions(RestClient.Builder builder, AccessProperties access, AccountCaches caches,
                         @Value("${contacts.custom-attributes.cache-ttl}") Duration ttl) {
        this.client = builder.build();
        this.commandUrl = access.commandUrl();
        this.cache = caches.create(ttl, 10_000, Long::longValue);
    }

    /** The types of the account's contact attributes, with each of {@code keys} that is defined. */
    Map<String, CustomType> contactAttributeTypes(long accountId, Set<String> keys) {
        Map<String, CustomType> types = cache.get(accountId, () -> fetch(accountId));
        return types.keySet().containsAll(keys) ? types
                : cache.load(accountId, () -> fetch(accountId), Function.identity());
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
