package io.contacts.benchmarks.importing;

import io.contacts.benchmarks.edge.ContactsApi.Account;
import io.contacts.benchmarks.edge.CsvImport;
import io.contacts.benchmarks.report.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBenchmarkTest {

    @Test
    void rowsPerSecondUntilSearchableAgainstTheTarget() {
        CsvImport.Imported imported = new CsvImport.Imported(new Account(3, "t"), 100_000, 0.4, 30.5, 40.0);
        Section section = ImportBenchmark.section(imported, "a test");
        assertThat(section.table().rows()).containsExactly(
                java.util.List.of("100,000", "0.4 s", "30.5 s", "40.0 s", "2,500"));
        assertThat(section.targets()).singleElement().satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.measured()).startsWith("2,500 rows/s");
        });
        assertThat(section.method()).contains("a test");
    }
}
