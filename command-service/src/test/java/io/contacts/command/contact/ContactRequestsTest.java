package io.contacts.command.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.contacts.events.ContactUpdated.ADDITIONAL_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.CUSTOM_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.IDENTIFIER;
import static io.contacts.events.ContactUpdated.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactRequestsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ContactChanges changes(String json) {
        return ContactRequests.changes(JsonBody.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheTopLevelFieldsSent() {
        ContactChanges changes = changes("""
                {"name":"test","email":"A@B.C","identifier":12345,"blocked":"true",
                 "custom_attributes":{"test":"test","n":1},
                 "labels":["x"],"avatar_url":"http://x/y.png","inbox_id":3}""");
        assertThat(changes.fields()).containsExactlyInAnyOrder(NAME, EMAIL, IDENTIFIER, CUSTOM_ATTRIBUTES,
                ContactChanges.BLOCKED);
        assertThat(changes.name()).isEqualTo("test");
        assertThat(changes.email()).isEqualTo("A@B.C");
        assertThat(changes.identifier()).isEqualTo("12345");
        assertThat(changes.blocked()).isTrue();
        assertThat(changes.customAttributes()).isEqualTo(Map.of("test", "test", "n", 1));
    }

    @Test
    void aWrappedBodyIsNotRead() {
        assertThat(changes("{\"contact\":{\"name\":\"x\"}}").fields()).isEmpty();
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() {
        assertThat(ContactRequests.changes(JsonBody.parse(MAPPER, new byte[0])).fields()).isEmpty();
        assertThat(ContactRequests.changes(JsonBody.parse(MAPPER, null)).fields()).isEmpty();
    }

    @Test
    void blankAttributesAreEmptyHashesAndNullValuesAreKept() {
        ContactChanges changes = changes("{\"custom_attributes\":\"\",\"additional_attributes\":{\"k\":null}}");
        assertThat(changes.fields()).contains(CUSTOM_ATTRIBUTES, ADDITIONAL_ATTRIBUTES);
        assertThat(changes.customAttributes()).isEmpty();
        Map<String, Object> expected = new HashMap<>();
        expected.put("k", null);
        assertThat(changes.additionalAttributes()).isEqualTo(expected);
        assertThat(changes("{\"custom_attributes\":null}").customAttributes()).isEmpty();
    }

    @Test
    void anExplicitNullIsSentAndANullBlockedIsNot() {
        ContactChanges changes = changes("{\"email\":null,\"blocked\":null}");
        assertThat(changes.fields()).containsExactly(EMAIL);
        assertThat(changes.email()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":{}}|name must be a string",
            "{\"email\":[\"a\"]}|email must be a string",
            "{\"phone_number\":true}|phone_number must be a string",
            "{\"blocked\":\"yes\"}|blocked must be true or false",
            "{\"blocked\":1}|blocked must be true or false",
            "{\"custom_attributes\":[1]}|custom_attributes must be an object",
            "{\"additional_attributes\":\"x\"}|additional_attributes must be an object",
            "[1,2]|The request body must be a JSON object",
            "\"text\"|The request body must be a JSON object"})
    void wrongTypesAreBadRequests(String json, String error) {
        assertThatThrownBy(() -> changes(json)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400))
                .hasMessage(error);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertThatThrownBy(() -> changes("{\"name\":")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Malformed JSON");
        assertThatThrownBy(() -> changes("{} trailing")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Malformed JSON");
    }

    @Test
    void readsTheKeysToRemove() {
        JsonBody body = JsonBody.parse(MAPPER, "{\"custom_attributes\":[\"test\",\"x\"]}".getBytes());
        assertThat(ContactRequests.removedKeys(body)).containsExactly("test", "x");
        assertThat(ContactRequests.removedKeys(JsonBody.parse(MAPPER, "{}".getBytes()))).isEmpty();
        assertThatThrownBy(() -> ContactRequests.removedKeys(JsonBody.parse(MAPPER,
                "{\"custom_attributes\":{\"a\":1}}".getBytes()))).isInstanceOf(ApiException.class);
    }
}
