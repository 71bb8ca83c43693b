package io.contacts.command.upsert;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.contact.ContactRequests;
import io.contacts.command.contact.ContactRules;
import io.contacts.command.contact.LabelNames;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.ApiException;
import io.contacts.command.web.JsonBody;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch upsert body: {@code match_by} and up to {@link #MAX_CONTACTS} contact bodies as in create, plus
 * {@code labels} to add. The request as a whole is refused when it is malformed: a missing or unknown
 * {@code match_by}, no {@code contacts} or too many (422), a wrong JSON type anywhere (400, naming the item and field).
 * An item's values (formats, lengths) are validated item by item: an invalid item fails alone.
 */
record BatchUpsertRequest(ClaimKind matchBy, List<BatchItem> items) {

    static final int MAX_CONTACTS = 1000;
    static final String MATCH_BY = "match_by";
    static final String CONTACTS = "contacts";
    /** Create's fields that a batch does not take: an item that sends one fails rather than lose it silently. */
    private static final List<Map.Entry<String, String>> NOT_TAKEN = List.of(Map.entry("inbox_id", "Inbox id"),
            Map.entry("source_id", "Source id"), Map.entry("avatar_url", "Avatar url"), Map.entry("avatar", "Avatar"));

    static BatchUpsertRequest read(JsonBody body) {
        List<Violation> violations = new ArrayList<>();
        ClaimKind matchBy = matchBy(body);
        if (matchBy == null) {
            violations.add(new Violation(MATCH_BY, "Match by must be one of identifier, email, phone_number"));
        }
        List<JsonBody> contacts = body.objects(CONTACTS);
        if (contacts == null) {
            violations.add(new Violation(CONTACTS, "Contacts can't be blank"));
        } else if (contacts.size() > MAX_CONTACTS) {
            violations.add(new Violation(CONTACTS, "Contacts is too long (maximum is " + MAX_CONTACTS
                    + " contacts, got " + contacts.size() + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        List<BatchItem> items = new ArrayList<>(contacts.size());
        for (JsonBody contact : contacts) {
            items.add(item(items.size(), contact));
        }
        return new BatchUpsertRequest(matchBy, items);
    }

    /** Exactly one of the three names; anything else (another name, another type, none) is null. */
    private static ClaimKind matchBy(JsonBody body) {
        String name;
        try {
            name = body.text(MATCH_BY);
        } catch (ApiException wrongType) {
            return null;
        }
        for (ClaimKind kind : ClaimKind.values()) {
            if (kind.attribute().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private static BatchItem item(int index, JsonBody contact) {
        ContactChanges raw;
        List<String> labels;
        try {
            raw = ContactRequests.changes(contact);
            labels = LabelNames.clean(contact.strings("labels"));
        } catch (ApiException wrongType) {
            throw new ApiException(wrongType.status(), CONTACTS + "[" + index + "]." + wrongType.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        NOT_TAKEN.forEach(field -> {
            if (contact.present(field.getKey())) {
                violations.add(new Violation(field.getKey(), field.getValue() + " is not taken by a batch upsert"));
            }
        });
        ContactChanges changes = null;
        try {
            changes = ContactRules.normalised(raw);
        } catch (ValidationFailedException invalid) {
            violations.addAll(0, invalid.violations());
        }
        return new BatchItem(index, violations.isEmpty() ? changes : null, labels, violations);
    }
}
