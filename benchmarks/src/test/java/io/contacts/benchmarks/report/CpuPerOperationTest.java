package io.contacts.benchmarks.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuPerOperationTest {

    private static Map<String, Double> everyPart() {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("command-service", 3.9);
        millis.put("query-service", 3.0);
        millis.put("pg", 2.0);
        millis.put("kafka", 1.8);
        millis.put("es", 7.4);
        millis.put("nginx", 0.2);
        return millis;
    }

    @Test
    void sumsEveryPartAndShowsOneCellPerPartInTheTablesOrder() {
        CpuPerOperation cpu = new CpuPerOperation(everyPart());
        assertThat(cpu.complete()).isTrue();
        assertThat(cpu.totalCell()).isEqualTo("18.30");
        assertThat(cpu.cells()).containsExactly("3.90", "3.00", "2.00", "1.80", "7.40", "0.20");
    }

    @Test
    void aPartNotMeasuredIsMarkedAndTheSumIsIncomplete() {
        Map<String, Double> millis = everyPart();
        millis.remove("nginx");
        CpuPerOperation cpu = new CpuPerOperation(millis);
        assertThat(cpu.complete()).isFalse();
        assertThat(cpu.totalCell()).isEqualTo("18.10*");
        assertThat(cpu.cells()).endsWith("-");
    }

    @Test
    void oneStackedBarPerPart() {
        assertThat(new CpuPerOperation(everyPart()).bars("create 32")).hasSize(6)
                .allSatisfy(bar -> assertThat(bar.category()).isEqualTo("create 32"))
                .extracting(Chart.Bar::series).startsWith("command-service", "query-service");
    }
}
