package io.contacts.query.exporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.projection.ContactDocument;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportColumnsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void unknownNamesAreDroppedAndTheOrderAndSpellingKept() {
        assertThat(ExportColumns.select(List.of("email", "column_not_present", "id", "email", " labels ",
                "custom_attributes.plan", "custom_attributes.", "additional_attributes.city", "account_id")))
                .containsExactly("email", "id", "labels", "custom_attributes.plan", "additional_attributes.city");
    }

    @Test
    void nothingValidMeansTheDefaultColumns() {
        assertThat(ExportColumns.select(List.of())).containsExactly("id", "name", "email", "phone_number");
        assertThat(ExportColumns.select(Arrays.asList("company", null, "contact_type")))
                .containsExactly("id", "name", "email", "phone_number");
    }

    @Test
    void onlyPresenceAndTheAvatarNeedTheRenderedContact() {
        assertThat(ExportColumns.needsRendering(List.of("id", "labels", "custom_attributes"))).isFalse();
        assertThat(ExportColumns.needsRendering(List.of("id", "availability_status"))).isTrue();
        assertThat(ExportColumns.needsRendering(List.of("thumbnail"))).isTrue();
    }

    @Test
    void valuesAreRenderedAsText() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("plan", "gold");
        custom.put("seats", 5);
        custom.put("ratio", 2.5);
        custom.put("trial", true);
        custom.put("tags", List.of("a", "b"));
        ContactDocument contact = new ContactDocument(7, 1, "Ada, \"the Countess\"", "ada@example.com", null, "crm-7",
                true, true, false, custom, Map.of("city", "London"), null, "London", null, List.of("vip", "Support"),
                null, 1_700_000_000_123L, 1_700_000_100_999L, null, 3, null, null, null, null);
        Map<String, Object> rendered = Map.of("availability_status", "online", "thumbnail", "");

        assertThat(value("id", contact, rendered)).isEqualTo("7");
        assertThat(value("name", contact, rendered)).isEqualTo("Ada, \"the Countess\"");
        assertThat(value("phone_number", contact, rendered)).isEmpty();
        assertThat(value("blocked", contact, rendered)).isEqualTo("true");
        assertThat(value("created_at", contact, rendered)).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(value("updated_at", contact, rendered)).isEqualTo("2023-11-14T22:15:00Z");
        assertThat(value("last_activity_at", contact, rendered)).isEmpty();
        assertThat(value("labels", contact, rendered)).isEqualTo("vip,Support");
        assertThat(value("availability_status", contact, rendered)).isEqualTo("online");
        assertThat(value("custom_attributes", contact, rendered))
                .isEqualTo("{\"plan\":\"gold\",\"seats\":5,\"ratio\":2.5,\"trial\":true,\"tags\":[\"a\",\"b\"]}");
        assertThat(value("additional_attributes", contact, rendered)).isEqualTo("{\"city\":\"London\"}");
        assertThat(value("custom_attributes.plan", contact, rendered)).isEqualTo("gold");
        assertThat(value("custom_attributes.seats", contact, rendered)).isEqualTo("5");
        assertThat(value("custom_attributes.trial", contact, rendered)).isEqualTo("true");
        assertThat(value("custom_attributes.tags", contact, rendered)).isEqualTo("[\"a\",\"b\"]");
        assertThat(value("custom_attributes.missing", contact, rendered)).isEmpty();
        assertThat(value("additional_attributes.city", contact, rendered)).isEqualTo("London");
    }

    private String value(String column, ContactDocument contact, Map<String, Object> rendered) {
        return ExportColumns.value(column, contact, rendered, json);
    }
}
