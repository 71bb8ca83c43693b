package io.contacts.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU milliseconds (or another unit: {@link #times}) per operation of each part of the stack measured, and their
 * sum.
 */
public record CpuPerOperation(Map<String, Double> millis) {

    public CpuPerOperation {
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** The sum over every part measured; 0 when none was. */
    public double total() {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether every part of {@link StackCpu#PARTS} was measured, so that the sum covers the whole stack. */
    public boolean complete() {
        return millis.keySet().containsAll(StackCpu.PARTS);
    }

    /** The same in another unit: each value times {@code factor} (1000: microseconds). */
    public CpuPerOperation times(double factor) {
        Map<String, Double> scaled = new LinkedHashMap<>();
        millis.forEach((part, value) -> scaled.put(part, value * factor));
        return new CpuPerOperation(scaled);
    }

    /** One table cell per part of {@link StackCpu#PARTS} (two decimals; "-" when not measured). */
    public List<String> cells() {
        return cells(2);
    }

    public List<String> cells(int decimals) {
        List<String> cells = new ArrayList<>();
        for (String part : StackCpu.PARTS) {
            Double value = millis.get(part);
            cells.add(value == null ? "-" : format(value, decimals));
        }
        return cells;
    }

    /** The sum as a cell, marked with * when a part was not measured. */
    public String totalCell() {
        return totalCell(2);
    }

    public String totalCell(int decimals) {
        return millis.isEmpty() ? "-" : format(total(), decimals) + (complete() ? "" : "*");
    }

    public static String format(double millis) {
        return format(millis, 2);
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The chart's bars: one per part, stacked into the category. */
    public List<Chart.Bar> bars(String category) {
        List<Chart.Bar> bars = new ArrayList<>();
        millis.forEach((part, value) -> bars.add(new Chart.Bar(category, part, value)));
        return bars;
    }
}
