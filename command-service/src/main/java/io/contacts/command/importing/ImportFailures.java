package io.contacts.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rejected rows of a job, kept with their original fields for the failed-records CSV. */
@Component
class ImportFailures {

    private final JdbcTemplate jdbc;

    ImportFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the batch's transaction. */
    void record(long importId, List<ImportRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("INSERT INTO data_import_failures "
                    + "(import_id, row_number, line, fields, errors) VALUES (?, ?, ?, ?, ?)")) {
                for (ImportRow row : rows) {
                    statement.setLong(1, importId);
                    statement.setInt(2, row.row().number());
                    statement.setLong(3, row.row().line());
                    statement.setArray(4, connection.createArrayOf("text", row.row().fields().toArray()));
                    statement.setString(5, row.errors());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** The file's header plus an {@code errors} column, then each rejected row as it was, in file order. */
    void writeCsv(ImportJob job, Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
            List<String> header = new ArrayList<>(job.header() == null ? List.of() : job.header());
            header.add("errors");
            printer.printRecord(header);
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT fields, errors FROM data_import_failures "
                        + "WHERE import_id = ? ORDER BY row_number");
                statement.setLong(1, job.id());
                statement.setFetchSize(500);
                return statement;
            }, rs -> {
                Array fields = rs.getArray(1);
                List<String> record = new ArrayList<>(Arrays.asList((String[]) fields.getArray()));
                record.add(rs.getString(2));
                try {
                    printer.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
