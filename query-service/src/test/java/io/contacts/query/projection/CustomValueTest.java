package io.contacts.query.projection;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomValueTest {

    @Test
    void everyValueInEveryColumnItCanBeReadAs() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("plan", "Gold");
        attributes.put("seats", "12");
        attributes.put("score", 4.5);
        attributes.put("since", "2022-01-19");
        attributes.put("seen", "2022-01-19T23:30:00-02:00");
        attributes.put("vip", true);
        attributes.put("opted", "false");
        attributes.put("gone", null);
        attributes.put("nested", Map.of("a", 1));
        attributes.put("list", List.of(1));
        assertThat(CustomValue.of(attributes)).containsExactly(
                new CustomValue("plan", "Gold", null, null, null),
                new CustomValue("seats", "12", 12.0, null, null),
                new CustomValue("score", "4.5", 4.5, null, null),
                new CustomValue("since", "2022-01-19", null, "2022-01-19", null),
                new CustomValue("seen", "2022-01-19T23:30:00-02:00", null, "2022-01-20", null),
                new CustomValue("vip", "true", null, null, true),
                new CustomValue("opted", "false", null, null, false));
    }

    @Test
    void notQuiteNumbersAreText() {
        assertThat(CustomValue.of(Map.of("a", "12abc"))).containsExactly(new CustomValue("a", "12abc", null, null, null));
        assertThat(CustomValue.of(Map.of("a", "NaN"))).containsExactly(new CustomValue("a", "NaN", null, null, null));
    }

    @Test
    void onlyIsoFormsAreDays() {
        assertThat(CustomValue.of(Map.of("a", " +12022-01-19 "))).containsExactly(
                new CustomValue("a", " +12022-01-19 ", null, "+12022-01-19", null));
        assertThat(CustomValue.of(Map.of("a", "2022-1-19"))).containsExactly(
                new CustomValue("a", "2022-1-19", null, null, null));
        assertThat(CustomValue.of(Map.of("a", "Jan 19, 2022"))).containsExactly(
                new CustomValue("a", "Jan 19, 2022", null, null, null));
    }
}
