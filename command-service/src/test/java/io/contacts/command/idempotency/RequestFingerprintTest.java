package io.contacts.command.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static MockHttpServletRequest json(String uri, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static MockHttpServletRequest form(String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/accounts/1/contacts");
        request.setContentType("application/x-www-form-urlencoded");
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    private static byte[] of(MockHttpServletRequest request) {
        return new RequestFingerprint(request).value();
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhetherOrNotTheHandlerReadItsBody() throws IOException {
        byte[] unread = of(json("/api/v1/accounts/1/contacts", "{\"name\":\"Ada\"}"));
        RequestFingerprint read = new RequestFingerprint(json("/api/v1/accounts/1/contacts", "{\"name\":\"Ada\"}"));
        assertThat(read.getInputStream().readNBytes(5)).hasSize(5);
        assertThat(read.value()).isEqualTo(unread);
    }

    @Test
    void anotherBodyPathOrQueryIsAnotherFingerprint() {
        byte[] base = of(json("/api/v1/accounts/1/contacts", "{\"name\":\"Ada\"}"));
        assertThat(of(json("/api/v1/accounts/1/contacts", "{\"name\":\"Bob\"}"))).isNotEqualTo(base);
        assertThat(of(json("/api/v1/accounts/2/contacts", "{\"name\":\"Ada\"}"))).isNotEqualTo(base);
        MockHttpServletRequest query = json("/api/v1/accounts/1/contacts", "{\"name\":\"Ada\"}");
        query.setQueryString("include_contact_inboxes=false");
        assertThat(of(query)).isNotEqualTo(base);
    }

    @Test
    void formFieldsCountNotTheirOrder() {
        assertThat(of(form("name", "Ada", "email", "a@x.test"))).isEqualTo(of(form("email", "a@x.test", "name", "Ada")));
        assertThat(of(form("name", "Ada"))).isNotEqualTo(of(form("name", "Bob")));
    }
}
