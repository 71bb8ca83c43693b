package io.contacts.command.importing;

import io.contacts.command.uniqueness.ClaimKind;
import io.contacts.command.web.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.contacts.events.ContactUpdated.ADDITIONAL_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.CUSTOM_ATTRIBUTES;
import static io.contacts.events.ContactUpdated.EMAIL;
import static io.contacts.events.ContactUpdated.NAME;
import static io.contacts.events.ContactUpdated.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportColumnsTest {

    private static final ImportColumns COLUMNS = ImportColumns.of(
            List.of(" Name", "EMAIL", "phone_number", "identifier", "company", "city", "labels", "plan", ""));

    private static ImportRow read(String... fields) {
        return COLUMNS.read(new CsvRecords.Row(1, 2, List.of(fields)));
    }

    @Test
    void knownColumnsSetFieldsCompanyAndCityAreAdditionalTheRestCustom() {
        ImportRow row = read("Jane", "Jane@Example.com", "4915112345678", "ext-1", "Acme", "Berlin", "vip, Beta,VIP",
                "gold", "ignored");

        assertThat(row.isRejected()).isFalse();
        assertThat(row.changes().name()).isEqualTo("Jane");
        assertThat(row.changes().email()).isEqualTo("jane@example.com");
        assertThat(row.changes().phoneNumber()).isEqualTo("+4915112345678");
        assertThat(row.changes().additionalAttributes()).isEqualTo(Map.of("company", "Acme", "city", "Berlin"));
        assertThat(row.changes().customAttributes()).isEqualTo(Map.of("plan", "gold"));
        assertThat(row.labels()).containsExactly("vip", "Beta");
        assertThat(row.keys()).containsEntry(ClaimKind.IDENTIFIER, "ext-1")
                .containsEntry(ClaimKind.EMAIL, "jane@example.com")
                .containsEntry(ClaimKind.PHONE_NUMBER, "+4915112345678");
    }

    @Test
    void blankCellsChangeNothing() {
        ImportRow row = read("", "a@example.com", " ", "", "", "", "", "", "");

        assertThat(row.changes().fields()).containsExactly(EMAIL);
        assertThat(row.changes().fields()).doesNotContain(NAME, PHONE_NUMBER, CUSTOM_ATTRIBUTES, ADDITIONAL_ATTRIBUTES);
    }

    @Test
    void invalidValuesRejectTheRowWithEveryMessage() {
        ImportRow row = read("Jane", "not-an-email", "0123", "", "", "", "", "", "");

        assertThat(row.isRejected()).isTrue();
        assertThat(row.errors()).isEqualTo("Email is invalid, Phone number should be in e164 format");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrNoValuesIsRejected() {
        assertThat(COLUMNS.read(new CsvRecords.Row(1, 2, List.of("a", "b"))).violations())
                .containsExactly(new Violation("row", "Row has 2 fields, the header has 9"));
        assertThat(read("", "", "", "", "", "", "", "", "x").violations())
                .containsExactly(new Violation("row", "Row has no values"));
    }

    @Test
    void aColumnNamedTwiceMakesTheFileUnusable() {
        assertThatThrownBy(() -> ImportColumns.of(List.of("email", "Email ")))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessage("Malformed CSV at line 1: the header names the column \"Email\" twice");
    }
}
