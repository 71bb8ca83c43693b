package io.contacts.query.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.contacts.events.ContactInbox;
import io.contacts.events.ContactState;
import io.contacts.query.search.SearchGrams;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One contact as stored in Elasticsearch (docs/internals.md): the folded state plus the fields the queries need
 * ({@code resolved}, the sort and filter copies of additional attributes, the typed custom values). Times are epoch milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactDocument(long id, long accountId, String name, String email, String phoneNumber,
                              String identifier, boolean blocked, boolean resolved, boolean deleted,
                              Map<String, Object> customAttributes, Map<String, Object> additionalAttributes,
                              String companyName, String city, String country, List<String> labels,
                              List<ContactInbox> contactInboxes, Long createdAt, Long updatedAt, Long lastActivityAt,
                              long sequence, String countryCode, String company, List<CustomValue> customValues,
                              String avatarKey) {

    public ContactDocument {
        customAttributes = customAttributes == null ? Map.of() : customAttributes;
        additionalAttributes = additionalAttributes == null ? Map.of() : additionalAttributes;
        labels = labels == null ? List.of() : labels;
        contactInboxes = contactInboxes == null ? List.of() : contactInboxes;
        customValues = customValues == null ? List.of() : customValues;
    }

    /** The document of a folded state; activity is not in the events yet, so it carries over. */
    public static ContactDocument of(ContactState state, Long lastActivityAt) {
        Map<String, Object> additional = state.additionalAttributes();
        return new ContactDocument(state.contactId(), state.accountId(), state.name(), state.email(),
                state.phoneNumber(), state.identifier(), state.blocked(),
                present(state.email()) || present(state.phoneNumber()) || present(state.identifier()),
                state.deleted(), state.customAttributes(), additional,
                scalar(additional.get("company_name")), scalar(additional.get("city")),
                scalar(additional.get("country")), state.labels(), state.contactInboxes(), millis(state.createdAt()),
                millis(state.updatedAt()), lastActivityAt, state.sequence(),
                // what the filter's country_code and company keys read
                scalar(additional.get("country_code")), scalar(additional.get("company")),
                CustomValue.of(state.customAttributes()), state.avatarKey());
    }

    public ContactState toState() {
        return new ContactState(id, accountId, name, email, phoneNumber, identifier, blocked, customAttributes,
                additionalAttributes, labels, contactInboxes, instant(createdAt), instant(updatedAt), sequence, deleted,
                avatarKey);
    }

    // the substring-search grams, written with the document (not kept in its _source, never read back)
    @JsonProperty(value = "name_grams", access = JsonProperty.Access.READ_ONLY)
    String nameGrams() {
        return name == null ? null : SearchGrams.of(SearchGrams.lower(name));
    }

    @JsonProperty(value = "email_grams", access = JsonProperty.Access.READ_ONLY)
    String emailGrams() {
        return email == null ? null : SearchGrams.of(SearchGrams.lower(email));
    }

    @JsonProperty(value = "phone_number_grams", access = JsonProperty.Access.READ_ONLY)
    String phoneNumberGrams() {
        return phoneNumber == null ? null : SearchGrams.of(SearchGrams.lower(phoneNumber));
    }

    @JsonProperty(value = "identifier_grams", access = JsonProperty.Access.READ_ONLY)
    String identifierGrams() {
        return SearchGrams.of(identifier);
    }

    /** The external version Elasticsearch keeps for this document: sequences start at 0, versions at 1. */
    public long version() {
        return sequence + 1;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** Like PostgreSQL's {@code ->>}: a scalar as text; objects and arrays are not sortable values. */
    private static String scalar(Object value) {
        if (value instanceof Map || value instanceof List) {
            return null;
        }
        return value == null ? null : value.toString();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
