package io.olmp.compare;

import io.olmp.files.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Bar charts of a comparison, written as PNG files (headless AWT). */
public final class ComparisonCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private ComparisonCharts() {}

    /** Compression ratio per run. */
    public static void writeRatio(List<ComparisonRow> rows, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rows.forEach(r -> data.addValue(r.compressionRatio(), "compression ratio", label(r)));
        write(ChartFactory.createBarChart("Compression ratio (weights / kept weights)", "run", "ratio", data,
                PlotOrientation.VERTICAL, false, false, false), png);
    }

    /** Reference and final test accuracy per run, side by side. */
    public static void writeAccuracy(List<ComparisonRow> rows, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rows.forEach(r -> {
            data.addValue(100 * r.referenceTestAccuracy(), "reference test accuracy", label(r));
            data.addValue(100 * r.finalTestAccuracy(), "final test accuracy", label(r));
        });
        JFreeChart chart = ChartFactory.createBarChart("Test accuracy (%)", "run", "accuracy %", data,
                PlotOrientation.VERTICAL, true, false, false);
        double lowest = rows.stream().mapToDouble(r -> Math.min(r.referenceTestAccuracy(), r.finalTestAccuracy()))
                .min().orElse(0);
        // start the axis a little below the lowest bar: differences of a point are what matters here
        chart.getCategoryPlot().getRangeAxis().setLowerBound(Math.max(0, Math.floor(100 * lowest - 2)));
        write(chart, png);
    }

    private static String label(ComparisonRow r) {
        return r.method() + " (" + r.run() + ")";
    }

    private static void write(JFreeChart chart, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // run folder names are long: let a label wrap rather than end in "..."
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(4);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
