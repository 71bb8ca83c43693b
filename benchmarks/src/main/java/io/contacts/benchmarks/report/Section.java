package io.contacts.benchmarks.report;

import java.util.List;

/**
 * What one benchmark contributes to the report: a heading, how it measured, its table, the data of its charts, the
 * issue's targets it checks, and failures (a run with failures ends with exit 1 after the report is written).
 */
public record Section(String title, String method, Table table, List<Chart> charts, List<Target> targets,
                      List<String> failures) {

    public Section {
        charts = List.copyOf(charts);
        targets = List.copyOf(targets);
        failures = List.copyOf(failures);
    }
}
