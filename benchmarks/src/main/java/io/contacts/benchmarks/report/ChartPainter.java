package io.contacts.benchmarks.report;

import io.contacts.benchmarks.BenchmarkException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws a chart's data as a PNG with JFreeChart (headless: no display is needed). */
public final class ChartPainter {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 650;

    private ChartPainter() {
    }

    public static Path paint(Chart chart, Path directory) {
        System.setProperty("java.awt.headless", "true");
        JFreeChart drawn;
        if (chart instanceof Chart.Bars bars) {
            drawn = barChart(bars.title(), bars.valueAxis(), bars.bars(), false);
        } else if (chart instanceof Chart.StackedBars stacked) {
            drawn = barChart(stacked.title(), stacked.valueAxis(), stacked.bars(), true);
        } else if (chart instanceof Chart.Lines lines) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Chart.Series series : lines.series()) {
                XYSeries xy = new XYSeries(series.name());
                for (int second = 0; second < series.perSecond().size(); second++) {
                    xy.add(second + 1, series.perSecond().get(second));
                }
                data.addSeries(xy);
            }
            drawn = ChartFactory.createXYLineChart(lines.title(), "second of the measurement", lines.valueAxis(),
                    data, PlotOrientation.VERTICAL, true, false, false);
            ((XYPlot) drawn.getPlot()).getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        } else {
            throw new IllegalArgumentException("no painter for " + chart);
        }
        Path file = directory.resolve(chart.file());
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), drawn, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write " + file, e);
        }
        return file;
    }

    private static JFreeChart barChart(String title, String valueAxis, List<Chart.Bar> bars, boolean stacked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        bars.forEach(bar -> data.addValue(bar.value(), bar.series(), bar.category()));
        JFreeChart drawn = stacked
                ? ChartFactory.createStackedBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true,
                false, false)
                : ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true, false,
                false);
        ((CategoryPlot) drawn.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return drawn;
    }
}
