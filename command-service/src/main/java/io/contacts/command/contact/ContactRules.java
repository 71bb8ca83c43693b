package io.contacts.command.contact;

import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactUpdated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chatwoot's contact model rules (normalisation, then validation) with our fixes: blank email, phone number and
 * identifier become null; the phone pattern is anchored at both ends. Uniqueness is the aggregate's job.
 */
public final class ContactRules {

    static final int MAX_LENGTH = 255;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    private ContactRules() {
    }

    /** The normalised changes, or a {@link ValidationFailedException} naming every problem at once. */
    public static ContactChanges normalised(ContactChanges raw) {
        String email = raw.email() == null || raw.email().isBlank() ? null : raw.email().toLowerCase(Locale.ROOT);
        String phone = blankToNull(raw.phoneNumber());
        String identifier = blankToNull(raw.identifier());

        List<Violation> violations = new ArrayList<>();
        if (raw.has(ContactUpdated.NAME)) {
            checkLength(violations, ContactUpdated.NAME, "Name", raw.name());
        }
        if (raw.has(ContactUpdated.EMAIL)) {
            checkLength(violations, ContactUpdated.EMAIL, "Email", email);
            if (email != null && !EMAIL.matcher(email).matches()) {
                violations.add(new Violation(ContactUpdated.EMAIL, "Email is invalid"));
            }
        }
        if (raw.has(ContactUpdated.IDENTIFIER)) {
            checkLength(violations, ContactUpdated.IDENTIFIER, "Identifier", identifier);
        }
        if (raw.has(ContactUpdated.PHONE_NUMBER)) {
            checkLength(violations, ContactUpdated.PHONE_NUMBER, "Phone number", phone);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                violations.add(new Violation(ContactUpdated.PHONE_NUMBER, "Phone number should be in e164 format"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return new ContactChanges(raw.fields(), raw.name(), email, phone, identifier, raw.blocked(),
                raw.customAttributes(), raw.additionalAttributes());
    }

    /** The violation for a unique value that another contact of the account holds. */
    public static Violation taken(ClaimKind kind) {
        String label = switch (kind) {
            case EMAIL -> "Email";
            case IDENTIFIER -> "Identifier";
            case PHONE_NUMBER -> "Phone number";
        };
        return new Violation(kind.attribute(), label + " has already been taken");
    }

    private static void checkLength(List<Violation> violations, String attribute, String label, String value) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_LENGTH) {
            violations.add(new Violation(attribute, label + " is too long (maximum is " + MAX_LENGTH + " characters)"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
