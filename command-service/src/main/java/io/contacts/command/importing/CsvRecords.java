package io.contacts.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of an uploaded CSV file, streamed: UTF-8 (invalid bytes become U+FFFD, a byte-order mark is dropped),
 * RFC 4180 quoting with embedded newlines, empty lines skipped. The first record is the header. A structural error
 * (an unbalanced quote...) surfaces as {@link MalformedCsvException} with the line it was found on.
 */
final class CsvRecords implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One data record: its number (1 = the first row after the header), the line it starts on, its fields. */
    record Row(int number, long line, List<String> fields) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int number;

    CsvRecords(InputStream in) {
        // InputStreamReader's UTF-8 decoder replaces malformed input rather than failing
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        Row first = next();
        if (first == null) {
            throw new MalformedCsvException(1, "the file has no header row");
        }
        List<String> names = new ArrayList<>(first.fields());
        if (!names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
            names.set(0, names.get(0).substring(1));
        }
        this.header = List.copyOf(names);
        this.number = 0;
    }

    List<String> header() {
        return header;
    }

    /** The next data record, or null at the end of the file. */
    Row next() {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            return new Row(++number, line, record.stream().map(CsvRecords::withoutNul).toList());
        } catch (UncheckedIOException e) {
            throw new MalformedCsvException(line, reason(e));
        }
    }

    /** PostgreSQL text cannot hold NUL; like an invalid byte, it becomes U+FFFD. */
    private static String withoutNul(String field) {
        return field.indexOf('\0') < 0 ? field : field.replace('\0', '\uFFFD');
    }

    /** Commons CSV words its errors as "(line n) what"; the line is reported separately. */
    private static String reason(UncheckedIOException e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (message == null) {
            return "unreadable CSV";
        }
        return message.replaceFirst("^\\(line \\d+\\)\\s*", "").replaceFirst("^IOException reading next record: ", "");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
