package io.contacts.command.web;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormParametersTest {

    private static Map<String, String[]> form(String... keyValues) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String[] old = map.getOrDefault(keyValues[i], new String[0]);
            String[] values = Arrays.copyOf(old, old.length + 1);
            values[old.length] = keyValues[i + 1];
            map.put(keyValues[i], values);
        }
        return map;
    }

    @Test
    void readsNestedKeysAsRailsDoes() {
        assertThat(FormParameters.toJson(form("name", "test", "custom_attributes[test]", "test",
                "custom_attributes[test1]", "test1", "keys[]", "a", "keys[]", "b", "deep[a][b]", "c")).toString())
                .isEqualTo("{\"name\":\"test\",\"custom_attributes\":{\"test\":\"test\",\"test1\":\"test1\"},"
                        + "\"keys\":[\"a\",\"b\"],\"deep\":{\"a\":{\"b\":\"c\"}}}");
    }

    @Test
    void refusesKeysThatContradictEachOther() {
        assertThatThrownBy(() -> FormParameters.toJson(form("a", "1", "a[b]", "2")))
                .isInstanceOf(ApiException.class).hasMessage("Malformed form parameter: a[b]");
        assertThatThrownBy(() -> FormParameters.toJson(form("a[b]", "1", "a[]", "2")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> FormParameters.toJson(form("a[", "1"))).isInstanceOf(ApiException.class);
    }
}
