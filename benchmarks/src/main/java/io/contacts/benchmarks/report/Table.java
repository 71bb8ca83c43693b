package io.contacts.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table that prints line by line as its rows are measured (fixed widths) and renders as Markdown for the report.
 * The first column is left-aligned, the others right-aligned.
 */
public final class Table {

    /** A column: its heading and the width of its printed form. */
    public record Column(String heading, int width) {
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static Table of(Object... headingsAndWidths) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headingsAndWidths.length; i += 2) {
            columns.add(new Column((String) headingsAndWidths[i], (Integer) headingsAndWidths[i + 1]));
        }
        return new Table(columns);
    }

    /** Adds a row and returns its printed line. */
    public String add(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return line(cells);
    }

    public String add(String... cells) {
        return add(List.of(cells));
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String header() {
        return line(columns.stream().map(Column::heading).toList());
    }

    public String text() {
        StringBuilder text = new StringBuilder(header());
        rows.forEach(row -> text.append(line(row)));
        return text.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("|");
        columns.forEach(column -> md.append(' ').append(escape(column.heading())).append(" |"));
        md.append("\n|");
        for (int i = 0; i < columns.size(); i++) {
            md.append(i == 0 ? "---|" : "---:|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(escape(cell)).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    private String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            int width = columns.get(i).width();
            String format = i == 0 ? "%-" + width + "s" : " %" + width + "s";
            line.append(String.format(Locale.ROOT, format, cells.get(i)));
        }
        return line.toString().stripTrailing() + "\n";
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }

    /** Milliseconds as the tables show them: 3 significant figures at most, one decimal below 100. */
    public static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
