package io.contacts.benchmarks.report;

import java.util.List;

/** The data of one PNG chart of the report; {@link ChartPainter} draws it. */
public sealed interface Chart {

    /** The PNG's file name (without directory). */
    String file();

    String title();

    /** Grouped bars: for each category (a shape at a concurrency) one bar per series (p50, p95, p99). */
    record Bars(String file, String title, String valueAxis, List<Bar> bars) implements Chart {
    }

    /** Stacked bars: for each category (a shape at a concurrency) the series (the processes) stacked on each other. */
    record StackedBars(String file, String title, String valueAxis, List<Bar> bars) implements Chart {
    }

    record Bar(String category, String series, double value) {
    }

    /** Lines over time: each series is one value per second. */
    record Lines(String file, String title, String valueAxis, List<Series> series) implements Chart {
    }

    record Series(String name, List<? extends Number> perSecond) {
    }
}
