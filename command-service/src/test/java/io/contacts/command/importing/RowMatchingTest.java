package io.contacts.command.importing;

import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contacts.command.importing.RowMatching.Outcome.CREATE;
import static io.contacts.command.importing.RowMatching.Outcome.DUPLICATE;
import static io.contacts.command.importing.RowMatching.Outcome.REJECT;
import static io.contacts.command.importing.RowMatching.Outcome.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class RowMatchingTest {

    private static final ImportColumns COLUMNS = ImportColumns.of(List.of("identifier", "email", "phone_number"));

    private static ImportRow row(String identifier, String email, String phone) {
        return COLUMNS.read(new CsvRecords.Row(1, 2, List.of(identifier, email, phone)));
    }

    private static RowMatching.Key key(ClaimKind kind, String value) {
        return new RowMatching.Key(kind, value);
    }

    @Test
    void identifierWinsOverEmailWhichWinsOverPhone() {
        RowMatching matching = new RowMatching(Map.of(key(ClaimKind.IDENTIFIER, "ext-1"), 1L,
                key(ClaimKind.EMAIL, "b@example.com"), 2L, key(ClaimKind.PHONE_NUMBER, "+4930123456"), 3L), Set.of());

        assertThat(matching.plan(row("ext-1", "", "")).contact()).isEqualTo(1L);
        assertThat(matching.plan(row("", "b@example.com", "")).contact()).isEqualTo(2L);
        RowMatching.Plan byPhone = matching.plan(row("", "", "+4930123456"));
        assertThat(byPhone.outcome()).isEqualTo(UPDATE);
        assertThat(byPhone.contact()).isEqualTo(3L);
    }

    @Test
    void valuesOfTwoDifferentContactsRejectTheRow() {
        RowMatching matching = new RowMatching(Map.of(key(ClaimKind.EMAIL, "x@example.com"), 1L,
                key(ClaimKind.PHONE_NUMBER, "+4930123456"), 2L), Set.of());

        RowMatching.Plan plan = matching.plan(row("", "x@example.com", "+4930123456"));

        assertThat(plan.outcome()).isEqualTo(REJECT);
        assertThat(plan.violations()).containsExactly(new Violation("phone_number", "Phone number has already been taken"));
    }

    @Test
    void laterRowsOfTheFileMatchContactsEarlierRowsCreatedAndCountAsDuplicates() {
        RowMatching matching = new RowMatching(Map.of(), Set.of(7L));

        RowMatching.Plan first = matching.plan(row("", "a@example.com", ""));
        RowMatching.Plan second = matching.plan(row("", "b@example.com", ""));
        RowMatching.Plan again = matching.plan(row("", "a@example.com", "+4930123456"));
        RowMatching.Plan byNewPhone = matching.plan(row("", "", "+4930123456"));

        assertThat(first.outcome()).isEqualTo(CREATE);
        assertThat(second.outcome()).isEqualTo(CREATE);
        assertThat(first.contact()).isNegative().isNotEqualTo(second.contact());
        assertThat(again.outcome()).isEqualTo(DUPLICATE);
        assertThat(again.contact()).isEqualTo(first.contact());
        assertThat(byNewPhone.contact()).isEqualTo(first.contact());
    }

    @Test
    void aContactThisFileAlreadyTouchedIsADuplicate() {
        RowMatching matching = new RowMatching(Map.of(key(ClaimKind.EMAIL, "a@example.com"), 7L), Set.of(7L));

        assertThat(matching.plan(row("", "a@example.com", "")).outcome()).isEqualTo(DUPLICATE);
    }

    @Test
    void aValueAnEarlierRowMovedAwayIsFreeForLaterRows() {
        RowMatching matching = new RowMatching(Map.of(key(ClaimKind.IDENTIFIER, "ext-1"), 1L,
                key(ClaimKind.EMAIL, "old@example.com"), 1L), Set.of());

        assertThat(matching.plan(row("ext-1", "new@example.com", "")).outcome()).isEqualTo(UPDATE);
        RowMatching.Plan old = matching.plan(row("", "old@example.com", ""));

        assertThat(old.outcome()).isEqualTo(CREATE);
    }

    @Test
    void aRejectedRowStaysRejected() {
        RowMatching matching = new RowMatching(Map.of(), Set.of());

        assertThat(matching.plan(row("", "bad", "")).outcome()).isEqualTo(REJECT);
    }
}
