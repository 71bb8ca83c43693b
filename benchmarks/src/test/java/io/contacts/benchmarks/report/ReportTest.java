package io.contacts.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static Report sample() {
        Table table = Table.of("shape", 10, "p99", 8);
        table.add("create", "41.0 ms");
        Section write = new Section("Write path", "Closed loops.", table, List.of(
                new Chart.Bars("write-latency.png", "Write latency", "ms",
                        List.of(new Chart.Bar("create c=8", "p50", 12), new Chart.Bar("create c=8", "p99", 41))),
                new Chart.Lines("write-throughput.png", "Writes per second", "writes/s",
                        List.of(new Chart.Series("create c=8", List.of(100L, 120L, 90L)))),
                new Chart.StackedBars("write-cpu.png", "CPU per write by process", "ms",
                        List.of(new Chart.Bar("create 32", "es", 7.4), new Chart.Bar("create 32", "pg", 2.0)))),
                List.of(new Target("write p99 under 50 ms", "41.0 ms", true),
                        new Target("1,000 writes/s", "120 writes/s", false)), List.of());
        Section lag = new Section("Projection lag", "Open loop.", Table.of("measured", 8), List.of(), List.of(),
                List.of("3 contacts were not found"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("machine", "2 cores");
        facts.put("load average before", "1.00 2.00 3.00");
        return new Report("Contacts benchmarks", facts, List.of(write, lag));
    }

    @Test
    void theMarkdownHasTheFactsTheTargetsAndEverySection() {
        String markdown = sample().markdown();
        assertThat(markdown).startsWith("# Contacts benchmarks\n")
                .contains("| machine | 2 cores |", "| load average before | 1.00 2.00 3.00 |")
                .contains("| write p99 under 50 ms | 41.0 ms | met |", "| 1,000 writes/s | 120 writes/s | missed |")
                .contains("## Write path\n\nClosed loops.\n\n| shape | p99 |\n|---|---:|\n| create | 41.0 ms |\n")
                .contains("![Write latency](write-latency.png)", "![Writes per second](write-throughput.png)")
                .contains("## Projection lag", "**Failed:** 3 contacts were not found");
        assertThat(markdown.indexOf("## Targets")).isLessThan(markdown.indexOf("## Write path"));
    }

    @Test
    void collectsTargetsAndFailuresOfEverySection() {
        assertThat(sample().targets()).extracting(Target::met).containsExactly(true, false);
        assertThat(sample().failures()).containsExactly("3 contacts were not found");
    }

    @Test
    void writesTheMarkdownAndAPngPerChart(@TempDir Path directory) throws Exception {
        List<Path> written = sample().write(directory);
        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("report.md", "write-latency.png", "write-throughput.png", "write-cpu.png");
        assertThat(Files.readString(directory.resolve("report.md"))).isEqualTo(sample().markdown());
        for (String chart : List.of("write-throughput.png", "write-cpu.png")) {
            assertThat(Files.readAllBytes(directory.resolve(chart)))
                    .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
