package io.contacts.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A custom attribute as one typed key/value pair of the nested {@code custom_values} field: the value in every
 * column it can be read as (a numeric string is also a number, an ISO date also a date, "true"/"false" also a
 * boolean), so that a filter picks the column by the attribute's definition and the mapping never grows per key.
 *
 * @param date the calendar day (yyyy-MM-dd; a date-time with an offset counts in UTC)
 */
@JsonInclude(Include.NON_NULL)
public record CustomValue(String key, String text, Double number, String date, Boolean bool) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The pairs of these custom attributes; null values, objects and arrays are not values Chatwoot compares. */
    public static List<CustomValue> of(Map<String, Object> attributes) {
        List<CustomValue> values = new ArrayList<>();
        attributes.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                values.add(new CustomValue(key, b.toString(), null, null, b));
            } else if (value instanceof Number n) {
                double number = n.doubleValue();
                values.add(new CustomValue(key, n.toString(), Double.isFinite(number) ? number : null, null, null));
            } else if (value instanceof String s) {
                values.add(new CustomValue(key, s, number(s), day(s), bool(s)));
            }
        });
        return values;
    }

    private static Double number(String text) {
        String stripped = text.strip();
        if (!NUMBER.matcher(stripped).matches()) {
            return null;
        }
        double number = Double.parseDouble(stripped);
        return Double.isFinite(number) ? number : null;
    }

    private static String day(String text) {
        LocalDate day = CalendarDay.parse(text);
        return day == null ? null : day.toString();
    }

    private static Boolean bool(String text) {
        String stripped = text.strip();
        return stripped.equals("true") || stripped.equals("false") ? Boolean.valueOf(stripped) : null;
    }
}
