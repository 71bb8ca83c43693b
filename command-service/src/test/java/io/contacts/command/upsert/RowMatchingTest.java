package io.contacts.command.upsert;

import io.contacts.command.contact.ContactChanges;
import io.contacts.command.contact.ContactRules;
import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.ValidationFailedException;
import io.contacts.command.web.Violation;
import io.contacts.events.ContactUpdated;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.command.upsert.RowMatching.Outcome.CREATE;
import static io.contacts.command.upsert.RowMatching.Outcome.DUPLICATE;
import static io.contacts.command.upsert.RowMatching.Outcome.REJECT;
import static io.contacts.command.upsert.RowMatching.Outcome.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class RowMatchingTest {

    record Row(ContactChanges changes, List<String> labels, List<Violation> violations) implements Upsert {
    }

    /** A row as an import reads it: blank values are not sent. */
    private static Row row(String identifier, String email, String phone) {
        Map<String, String> values = new HashMap<>();
        values.put(ContactUpdated.IDENTIFIER, identifier);
        values.put(ContactUpdated.EMAIL, email);
        values.put(ContactUpdated.PHONE_NUMBER, phone);
        values.values().removeIf(String::isEmpty);
        return sent(values);
    }

    /** A row with exactly these fields sent (a null value clears the field). */
    private static Row sent(Map<String, String> values) {
        try {
            return new Row(ContactRules.normalised(new ContactChanges(new LinkedHashSet<>(values.keySet()), null,
                    values.get(ContactUpdated.EMAIL), values.get(ContactUpdated.PHONE_NUMBER),
                    values.get(ContactUpdated.IDENTIFIER), null, null, null)), List.of(), List.of());
        } catch (ValidationFailedException e) {
            return new Row(null, List.of(), e.violations());
        }
    }

    private static RowMatching<Row> importing(Map<RowMatching.Key, Long> holders, Set<Long> touched) {
        return new RowMatching<>(RowMatching.IMPORT_ORDER, holders, touched);
    }

    private static RowMatching.Key key(ClaimKind kind, String value) {
        return new RowMatching.Key(kind, value);
    }

    @Test
    void identifierWinsOverEmailWhichWinsOverPhone() {
        RowMatching<Row> matching = importing(Map.of(key(ClaimKind.IDENTIFIER, "ext-1"), 1L,
                key(ClaimKind.EMAIL, "b@example.com"), 2L, key(ClaimKind.PHONE_NUMBER, "+4930123456"), 3L), Set.of());

        assertThat(matching.plan(row("ext-1", "", "")).contact()).isEqualTo(1L);
        assertThat(matching.plan(row("", "b@example.com", "")).contact()).isEqualTo(2L);
        RowMatching.Plan<Row> byPhone = matching.plan(row("", "", "+4930123456"));
        assertThat(byPhone.outcome()).isEqualTo(UPDATE);
        assertThat(byPhone.contact()).isEqualTo(3L);
    }

    @Test
    void valuesOfTwoDifferentContactsRejectTheRow() {
        RowMatching<Row> matching = importing(Map.of(key(ClaimKind.EMAIL, "x@example.com"), 1L,
                key(ClaimKind.PHONE_NUMBER, "+4930123456"), 2L), Set.of());

        RowMatching.Plan<Row> plan = matching.plan(row("", "x@example.com", "+4930123456"));

        assertThat(plan.outcome()).isEqualTo(REJECT);
        assertThat(plan.violations()).containsExactly(new Violation("phone_number", "Phone number has already been taken"));
    }

    @Test
    void laterRowsOfTheFileMatchContactsEarlierRowsCreatedAndCountAsDuplicates() {
        RowMatching<Row> matching = importing(Map.of(), Set.of(7L));

        RowMatching.Plan<Row> first = matching.plan(row("", "a@example.com", ""));
        RowMatching.Plan<Row> second = matching.plan(row("", "b@example.com", ""));
        RowMatching.Plan<Row> again = matching.plan(row("", "a@example.com", "+4930123456"));
        RowMatching.Plan<Row> byNewPhone = matching.plan(row("", "", "+4930123456"));

        assertThat(first.outcome()).isEqualTo(CREATE);
        assertThat(second.outcome()).isEqualTo(CREATE);
        assertThat(first.contact()).isNegative().isNotEqualTo(second.contact());
        assertThat(again.outcome()).isEqualTo(DUPLICATE);
        assertThat(again.contact()).isEqualTo(first.contact());
        assertThat(byNewPhone.contact()).isEqualTo(first.contact());
    }

    @Test
    void aContactThisFileAlreadyTouchedIsADuplicate() {
        RowMatching<Row> matching = importing(Map.of(key(ClaimKind.EMAIL, "a@example.com"), 7L), Set.of(7L));

        assertThat(matching.plan(row("", "a@example.com", "")).outcome()).isEqualTo(DUPLICATE);
    }

    @Test
    void aValueAnEarlierRowMovedAwayIsFreeForLaterRows() {
        RowMatching<Row> matching = importing(Map.of(key(ClaimKind.IDENTIFIER, "ext-1"), 1L,
                key(ClaimKind.EMAIL, "old@example.com"), 1L), Set.of());

        assertThat(matching.plan(row("ext-1", "new@example.com", "")).outcome()).isEqualTo(UPDATE);
        RowMatching.Plan<Row> old = matching.plan(row("", "old@example.com", ""));

        assertThat(old.outcome()).isEqualTo(CREATE);
    }

    @Test
    void aRejectedRowStaysRejected() {
        RowMatching<Row> matching = importing(Map.of(), Set.of());

        assertThat(matching.plan(row("", "bad", "")).outcome()).isEqualTo(REJECT);
    }

    @Test
    void aBatchMatchesByItsOneKeyAndNamesTheHolderOfATakenValue() {
        RowMatching<Row> byEmail = new RowMatching<>(List.of(ClaimKind.EMAIL), Map.of(
                key(ClaimKind.IDENTIFIER, "ext-1"), 1L, key(ClaimKind.EMAIL, "b@example.com"), 2L), Set.of());

        RowMatching.Plan<Row> takenIdentifier = byEmail.plan(row("ext-1", "new@example.com", ""));
        RowMatching.Plan<Row> noEmail = byEmail.plan(row("", "", "+4930123456"));
        RowMatching.Plan<Row> matched = byEmail.plan(row("", "b@example.com", ""));

        assertThat(takenIdentifier.outcome()).isEqualTo(REJECT);
        assertThat(takenIdentifier.violations())
                .containsExactly(new Violation("identifier", "Identifier has already been taken"));
        assertThat(takenIdentifier.holders()).isEqualTo(Map.of(ClaimKind.IDENTIFIER, 1L));
        assertThat(noEmail.outcome()).isEqualTo(CREATE);
        assertThat(matched.outcome()).isEqualTo(UPDATE);
        assertThat(matched.contact()).isEqualTo(2L);
    }

    @Test
    void aValueAnEarlierItemClearedIsFreeForLaterItems() {
        RowMatching<Row> byIdentifier = new RowMatching<>(List.of(ClaimKind.IDENTIFIER), Map.of(
                key(ClaimKind.IDENTIFIER, "ext-1"), 1L, key(ClaimKind.EMAIL, "a@example.com"), 1L), Set.of());
        Map<String, String> clearEmail = new HashMap<>();
        clearEmail.put(ContactUpdated.IDENTIFIER, "ext-1");
        clearEmail.put(ContactUpdated.EMAIL, null);

        assertThat(byIdentifier.plan(sent(clearEmail)).outcome()).isEqualTo(UPDATE);
        RowMatching.Plan<Row> later = byIdentifier.plan(row("ext-2", "a@example.com", ""));

        assertThat(later.outcome()).isEqualTo(CREATE);
    }
}
