package io.contacts.command.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    private static List<CsvRecords.Row> rows(CsvRecords records) {
        List<CsvRecords.Row> rows = new ArrayList<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static CsvRecords of(byte[] bytes) {
        return new CsvRecords(new ByteArrayInputStream(bytes));
    }

    private static CsvRecords of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsWithCommasAndNewlinesAndTheLineEachRowStartsOn() {
        CsvRecords records = of("name,email\n\"Doe, Jane\",jane@example.com\n\"two\nlines\",x@example.com\nlast,\n");

        assertThat(records.header()).containsExactly("name", "email");
        List<CsvRecords.Row> rows = rows(records);
        assertThat(rows).extracting(CsvRecords.Row::fields).containsExactly(
                List.of("Doe, Jane", "jane@example.com"), List.of("two\nlines", "x@example.com"), List.of("last", ""));
        assertThat(rows).extracting(CsvRecords.Row::number).containsExactly(1, 2, 3);
        assertThat(rows).extracting(CsvRecords.Row::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        CsvRecords records = of("\uFEFFname,email\nA,a@example.com\n");

        assertThat(records.header()).containsExactly("name", "email");
    }

    @Test
    void invalidUtf8BytesAndNulBecomeTheReplacementCharacter() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("name\nT".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("st \u0000 \uD83C\uDFE0\n".getBytes(StandardCharsets.UTF_8));

        List<CsvRecords.Row> rows = rows(of(bytes.toByteArray()));

        assertThat(rows.get(0).fields()).containsExactly("T\uFFFD(st \uFFFD \uD83C\uDFE0");
    }

    @Test
    void anUnbalancedQuoteIsMalformedAtItsLine() {
        CsvRecords records = of("name,email\nok,a@example.com\n\"open,b@example.com\nmore\n");

        assertThat(records.next()).isNotNull();
        assertThatThrownBy(() -> rows(records)).isInstanceOf(MalformedCsvException.class)
                .hasMessageStartingWith("Malformed CSV at line 3: ");
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThatThrownBy(() -> of("")).isInstanceOf(MalformedCsvException.class)
                .hasMessage("Malformed CSV at line 1: the file has no header row");
    }
}
