package io.contacts.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonBody parse(String json) {
        return JsonBody.parse(mapper, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Found by the hostile-input suite: a NUL in an email or identifier reached PostgreSQL and answered 500. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"identifier\":\"a\\u0000b\"}", "{\"email\":\"\\u0000@x.test\"}",
            "{\"name\":\"a\\ud800b\"}", "{\"name\":\"\\udfff\"}", "{\"name\":\"a\\ud83d\"}",
            "{\"custom_attributes\":{\"k\\u0000\":\"v\"}}", "{\"custom_attributes\":{\"k\":[\"\\u0000\"]}}"})
    void refusesNulAndUnpairedSurrogatesAnywhere(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.body().get("error").toString()).contains("must not contain NUL characters or unpaired");
        });
    }

    @Test
    void keepsPairedSurrogatesAndOtherControls() {
        JsonBody body = parse("{\"name\":\"\\ud83d\\ude00 \\t\\u0001\","
                + "\"custom_attributes\":{\"\\u00e9\":\"\\u2028\"}}");
        assertThat(body.text("name")).isEqualTo("\ud83d\ude00 \t\u0001");
        assertThat(body.object("custom_attributes")).isEqualTo(Map.of("é", "\u2028"));
    }

    /** Found by the hostile-input suite: Jackson read an overlong "/" (E0 80 AF) in a name as "/" and stored it. */
    @Test
    void refusesBytesThatAreNotStrictUtf8() {
        byte[][] bad = {{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xC3, 0x28}};
        for (byte[] bytes : bad) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> JsonBody.parse(mapper, body.toByteArray()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        }
        assertThat(JsonBody.parse(mapper, "{\"name\":\"é😀\"}".getBytes(StandardCharsets.UTF_8)).text("name"))
                .isEqualTo("é😀");
    }

    @Test
    void refusesTrailingTokens() {
        assertThatThrownBy(() -> parse("{\"name\":\"x\"} {}")).isInstanceOf(ApiException.class);
    }

    @Test
    void refusesNulInFormParameters() {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/");
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("custom_attributes[plan]", "a\u0000");
        assertThatThrownBy(() -> JsonBody.of(mapper, form)).isInstanceOf(ApiException.class)
                .hasMessageContaining("custom_attributes.plan");
    }
}
