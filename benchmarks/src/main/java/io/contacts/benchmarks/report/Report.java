package io.contacts.benchmarks.report;

import io.contacts.benchmarks.BenchmarkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report of a run: facts about the machine and the run, the targets with met or missed, then each
 * benchmark's section (method, table, charts, failures). Written as report.md and one PNG per chart.
 */
public record Report(String title, Map<String, String> facts, List<Section> sections) {

    public Report {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        sections = List.copyOf(sections);
    }

    public List<Target> targets() {
        return sections.stream().flatMap(section -> section.targets().stream()).toList();
    }

    public List<String> failures() {
        return sections.stream().flatMap(section -> section.failures().stream()).toList();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        Table about = Table.of("", 1, "", 1);
        facts.forEach((name, value) -> about.add(name, value));
        md.append(about.markdown().replaceFirst("---:", "---")).append('\n');
        md.append("## Targets\n\n");
        Table targets = Table.of("target", 1, "measured", 1, "", 1);
        targets().forEach(target -> targets.add(target.goal(), target.measured(), target.met() ? "met" : "missed"));
        md.append(targets.markdown().replaceAll("---:", "---")).append('\n');
        for (Section section : sections) {
            md.append("## ").append(section.title()).append("\n\n");
            md.append(section.method()).append("\n\n");
            md.append(section.table().markdown()).append('\n');
            for (Chart chart : section.charts()) {
                md.append("![").append(chart.title()).append("](").append(chart.file()).append(")\n\n");
            }
            for (String failure : section.failures()) {
                md.append("**Failed:** ").append(failure).append("\n\n");
            }
        }
        return md.toString();
    }

    /** Writes report.md and the charts into {@code directory}; the files written. */
    public List<Path> write(Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            Path markdown = directory.resolve("report.md");
            Files.writeString(markdown, markdown());
            written.add(markdown);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write the report into " + directory, e);
        }
        for (Section section : sections) {
            for (Chart chart : section.charts()) {
                written.add(ChartPainter.paint(chart, directory));
            }
        }
        return written;
    }
}
