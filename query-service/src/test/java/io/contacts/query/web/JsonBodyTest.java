package io.contacts.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Found by the hostile-input suite: a filter body followed by garbage or a second object was read as valid. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"payload\":[]} x", "{\"payload\":[]} {\"a\":1}", "{\"payload\":[]}]", "{} null",
            "[1]", "\"text\"", "{\"payload\":[}"})
    void refusesAnythingButOneObject(String body) {
        assertThatThrownBy(() -> JsonBody.parse(mapper, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }

    /** Found by the hostile-input suite: overlong forms and encoded surrogates in filter values were read as text. */
    @Test
    void refusesBytesThatAreNotStrictUtf8() {
        for (byte[] bad : new byte[][]{{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}}) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"payload\":[\"".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\"]}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> JsonBody.parse(mapper, body.toByteArray()))
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        }
    }

    @Test
    void readsOneObjectWithWhitespaceAroundIt() {
        assertThat(JsonBody.parse(mapper, " {\"payload\":[]}\r\n ".getBytes(StandardCharsets.UTF_8)).has("payload"))
                .isTrue();
        assertThat(JsonBody.parse(mapper, new byte[0]).isEmpty()).isTrue();
    }
}
