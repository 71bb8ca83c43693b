package io.contacts.query.exporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contacts.query.projection.ContactDocument;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns an export may have and how each renders a contact: every scalar of the contact object, both
 * attribute hashes whole (as JSON) or one key of them ({@code custom_attributes.plan}), and {@code labels}
 * (comma-joined). Times are ISO-8601 in UTC, to the second; absent values are empty cells.
 */
final class ExportColumns {

    static final List<String> DEFAULT = List.of("id", "name", "email", "phone_number");

    private static final String CUSTOM = "custom_attributes";
    private static final String ADDITIONAL = "additional_attributes";
    private static final Set<String> NAMES = Set.of("id", "name", "email", "phone_number", "identifier", "blocked",
            "thumbnail", "availability_status", "created_at", "updated_at", "last_activity_at", "labels", CUSTOM,
            ADDITIONAL);
    /** Columns only the rendered contact knows (presence, the avatar's URL). */
    private static final Set<String> RENDERED = Set.of("thumbnail", "availability_status");

    private ExportColumns() {
    }

    /** The valid names among those requested, in request order without repeats; the default when none is. */
    static List<String> select(List<String> requested) {
        Set<String> valid = new LinkedHashSet<>();
        for (String name : requested) {
            if (name != null && isValid(name.strip())) {
                valid.add(name.strip());
            }
        }
        return valid.isEmpty() ? DEFAULT : List.copyOf(valid);
    }

    static boolean isValid(String name) {
        return NAMES.contains(name) || attributeKey(name, CUSTOM) != null || attributeKey(name, ADDITIONAL) != null;
    }

    /** Whether a column needs the contact as {@code ContactJson} renders it. */
    static boolean needsRendering(List<String> columns) {
        return columns.stream().anyMatch(RENDERED::contains);
    }

    /**
     * One cell.
     *
     * @param rendered the contact as the API renders it (only read for {@link #needsRendering} columns)
     */
    static String value(String column, ContactDocument contact, Map<String, Object> rendered, ObjectMapper json) {
        switch (column) {
            case "id":
                return String.valueOf(contact.id());
            case "name":
                return text(contact.name());
            case "email":
                return text(contact.email());
            case "phone_number":
                return text(contact.phoneNumber());
            case "identifier":
                return text(contact.identifier());
            case "blocked":
                return String.valueOf(contact.blocked());
            case "thumbnail":
            case "availability_status":
                return text((String) rendered.get(column));
            case "created_at":
                return time(contact.createdAt());
            case "updated_at":
                return time(contact.updatedAt());
            case "last_activity_at":
                return time(contact.lastActivityAt());
            case "labels":
                return String.join(",", contact.labels());
            case CUSTOM:
                return json(contact.customAttributes(), json);
            case ADDITIONAL:
                return json(contact.additionalAttributes(), json);
            default:
                String custom = attributeKey(column, CUSTOM);
                return custom != null ? attribute(contact.customAttributes().get(custom), json)
                        : attribute(contact.additionalAttributes().get(attributeKey(column, ADDITIONAL)), json);
        }
    }

    /** The key of {@code <hash>.<key>}, or null when the name is not one. */
    private static String attributeKey(String name, String hash) {
        return name.startsWith(hash + ".") && name.length() > hash.length() + 1
                ? name.substring(hash.length() + 1) : null;
    }

    /** A text as it is, anything else (numbers, booleans, hashes, lists) as JSON. */
    private static String attribute(Object value, ObjectMapper json) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? text : json(value, json);
    }

    private static String json(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A document's attributes are JSON already", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Long millis) {
        return millis == null ? "" : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
