package io.contacts.benchmarks.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteBodiesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aCreateIsAFullContactWithAValidPhoneNumber() throws Exception {
        JsonNode body = mapper.readTree(new WriteBodies(1, 42).create(7));
        assertThat(body.get("email").asText()).isEqualTo("w1-000042-7@write.bench.test");
        assertThat(body.get("phone_number").asText()).isEqualTo("+110000420000007").matches("^\\+[1-9]\\d{1,14}$");
        assertThat(body.get("identifier").asText()).isEqualTo("w1-000042-7");
        assertThat(body.get("name").asText()).isNotBlank();
        assertThat(body.path("additional_attributes").path("city").asText()).isNotBlank();
        assertThat(body.path("custom_attributes").path("signup_date").asText()).matches("2024-\\d\\d-\\d\\d");
    }

    @Test
    void emailsAndPhoneNumbersDifferAcrossWritesKindsAndRuns() {
        Set<String> seen = new HashSet<>();
        for (int kind = 1; kind <= 2; kind++) {
            for (int run : new int[] {0, 999_999}) {
                WriteBodies bodies = new WriteBodies(kind, run);
                for (int i = 0; i < 100; i++) {
                    assertThat(seen.add(bodies.email(i))).isTrue();
                    assertThat(seen.add(bodies.phone(i))).isTrue();
                }
            }
        }
    }

    @Test
    void anUpdateChangesNameCityAndPlanOnly() throws Exception {
        JsonNode body = mapper.readTree(new WriteBodies(1, 1).update(3));
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "additional_attributes",
                "custom_attributes");
    }

    @Test
    void refusesNumbersThatWouldNotFitAPhoneNumber() {
        assertThatThrownBy(() -> new WriteBodies(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteBodies(1, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteBodies(1, 1).phone(WriteBodies.MAX_WRITES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
