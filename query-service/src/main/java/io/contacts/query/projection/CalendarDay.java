package io.contacts.query.projection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A calendar day written as an ISO date or date-time (a date-time with an offset counts in UTC). */
public final class CalendarDay {

    private CalendarDay() {
    }

    /** The day, or null when the text is no ISO date or date-time. */
    public static LocalDate parse(String text) {
        String stripped = text.strip();
        if (!mayBeIso(stripped)) {
            return null;
        }
        try {
            return LocalDate.parse(stripped);
        } catch (DateTimeParseException e) {
            // not a plain date
        }
        try {
            return OffsetDateTime.parse(stripped).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(stripped).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * False when no ISO form can match: shorter than yyyy-MM-dd, or not starting with the year's digit or sign. Most
     * custom values are no dates, and each failed parse throws (and fills in a stack trace) three times: measured as
     * most of the projection's custom-value work during a CSV import.
     */
    private static boolean mayBeIso(String text) {
        if (text.length() < 10) {
            return false;
        }
        char first = text.charAt(0);
        return first >= '0' && first <= '9' || first == '+' || first == '-';
    }
}
