package io.contacts.benchmarks.importing;

import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.report.CpuPerOperation;
import io.contacts.benchmarks.report.Section;
import io.contacts.benchmarks.report.Target;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBenchmarkTest {

    private static final CsvImport.Imported AT_2500 = new CsvImport.Imported(new Account(3, "t"), 100_000, 0.4, 30.5,
            40.0);
    private static final CsvImport.Imported AT_4000 = new CsvImport.Imported(new Account(3, "t"), 100_000, 0.4, 20.0,
            25.0);

    private static CpuPerOperation cpu() {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("command-service", 0.15);
        millis.put("query-service", 0.1);
        millis.put("pg", 0.2);
        millis.put("kafka", 0.05);
        millis.put("es", 0.25);
        millis.put("nginx", 0.0004);
        return new CpuPerOperation(millis);
    }

    @Test
    void rowsPerSecondUntilSearchableAndCpuPerRowInMicroseconds() {
        Section section = ImportBenchmark.section(AT_2500, 1_200_000, cpu());
        assertThat(section.table().rows()).containsExactly(List.of("100,000", "0.4 s", "30.5 s", "40.0 s", "2,500",
                "750", "150", "100", "200", "50", "250", "0"));
        assertThat(section.targets()).singleElement().satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.measured()).isEqualTo("2,500 rows/s (100,000 rows, 1,200,000 stored before)");
        });
        assertThat(section.method()).contains("1,200,000 contacts");
    }

    @Test
    void theBarHoldsAtFourThousandRowsPerSecondWithAMillionStored() {
        assertThat(ImportBenchmark.section(AT_4000, 1_000_000, cpu()).targets()).allMatch(Target::met);
        Target fewStored = ImportBenchmark.section(AT_4000, 999_999, cpu()).targets().get(0);
        assertThat(fewStored.met()).isFalse();
        assertThat(fewStored.measured()).contains("999,999 stored before; the bar is at 1,000,000 stored");
    }
}
