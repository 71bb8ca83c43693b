package io.contacts.command.contact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A label list as acts-as-taggable-on cleans it: names stripped, blanks dropped, duplicates dropped
 * case-insensitively (the first spelling wins). Names keep their case; every match on labels is case-insensitive.
 */
public final class LabelNames {

    private LabelNames() {
    }

    public static List<String> clean(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> cleaned = new ArrayList<>();
        for (String name : names) {
            String stripped = name == null ? "" : name.strip();
            if (!stripped.isEmpty() && seen.add(stripped.toLowerCase(Locale.ROOT))) {
                cleaned.add(stripped);
            }
        }
        return cleaned;
    }
}
