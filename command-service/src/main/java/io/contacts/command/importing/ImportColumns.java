package io.contacts.command.importing;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.contact.ContactRules;
import io.contacts.command.contact.LabelNames;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactUpdated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each column of an import file means (reference section 8, with our choices): name, email, phone_number and
 * identifier set the contact's fields; company and city go to {@code additional_attributes}; labels is a
 * comma-separated list; every other column is a custom attribute named by its header. Known names are matched
 * ignoring case and surrounding spaces. Blank cells change nothing, so an import never erases a value.
 */
final class ImportColumns {

    private static final Set<String> ADDITIONAL = Set.of("company", "city");
    private static final String LABELS = "labels";
    private static final Set<String> FIELDS = Set.of(ContactUpdated.NAME, ContactUpdated.EMAIL,
            ContactUpdated.PHONE_NUMBER, ContactUpdated.IDENTIFIER);

    private final List<String> header;
    /** For each column: a contact field, "additional:<key>", "labels", "custom:<key>", or null (ignored). */
    private final List<String> roles;

    private ImportColumns(List<String> header, List<String> roles) {
        this.header = header;
        this.roles = roles;
    }

    /** The meaning of each column; a header that names a column twice is refused (which one would win?). */
    static ImportColumns of(List<String> header) {
        List<String> roles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            String stripped = name.strip();
            String known = stripped.toLowerCase(Locale.ROOT);
            String role;
            if (stripped.isEmpty()) {
                role = null;
            } else if (FIELDS.contains(known)) {
                role = known;
            } else if (ADDITIONAL.contains(known)) {
                role = "additional:" + known;
            } else if (LABELS.equals(known)) {
                role = LABELS;
            } else {
                role = "custom:" + stripped;
            }
            if (role != null && !seen.add(role)) {
                throw new MalformedCsvException(1, "the header names the column \"" + stripped + "\" twice");
            }
            roles.add(role);
        }
        return new ImportColumns(List.copyOf(header), roles);
    }

    List<String> header() {
        return header;
    }

    /** The row as a contact's changes, or its rejection with every problem at once. */
    ImportRow read(CsvRecords.Row row) {
        List<String> fields = row.fields();
        if (fields.size() != roles.size()) {
            return ImportRow.rejected(row, List.of(new Violation("row",
                    "Row has " + fields.size() + " fields, the header has " + roles.size())));
        }
        Set<String> sent = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Object> additional = new LinkedHashMap<>();
        List<String> labels = List.of();
        for (int i = 0; i < fields.size(); i++) {
            String role = roles.get(i);
            String value = fields.get(i).strip();
            if (role == null || value.isEmpty()) {
                continue;
            }
            if (role.startsWith("custom:")) {
                custom.put(role.substring("custom:".length()), value);
            } else if (role.startsWith("additional:")) {
                additional.put(role.substring("additional:".length()), value);
            } else if (role.equals(LABELS)) {
                labels = LabelNames.clean(Arrays.asList(value.split(",")));
            } else {
                sent.add(role);
                values.put(role, role.equals(ContactUpdated.PHONE_NUMBER) && !value.startsWith("+") ? "+" + value : value);
            }
        }
        if (!custom.isEmpty()) {
            sent.add(ContactUpdated.CUSTOM_ATTRIBUTES);
        }
        if (!additional.isEmpty()) {
            sent.add(ContactUpdated.ADDITIONAL_ATTRIBUTES);
        }
        if (sent.isEmpty() && labels.isEmpty()) {
            return ImportRow.rejected(row, List.of(new Violation("row", "Row has no values")));
        }
        try {
            ContactChanges changes = ContactRules.normalised(new ContactChanges(sent, values.get(ContactUpdated.NAME),
                    values.get(ContactUpdated.EMAIL), values.get(ContactUpdated.PHONE_NUMBER),
                    values.get(ContactUpdated.IDENTIFIER), null, custom, additional));
            return ImportRow.accepted(row, changes, labels);
        } catch (ValidationFailedException e) {
            return ImportRow.rejected(row, e.violations());
        }
    }
}
