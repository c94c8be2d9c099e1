package io.olmp.report.html;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report's plots, drawn with JFreeChart and encoded as PNG. */
final class Charts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 380;

    private Charts() {}

    /**
     * Per generation across the whole run (x = generations so far): the best feasible kept
     * fraction (log scale) above, the number of feasible candidates below; one colour per loop.
     */
    static JFreeChart searchProgress(List<ReportData.Generation> generations) {
        Map<Integer, XYSeries> best = new LinkedHashMap<>();
        Map<Integer, XYSeries> feasible = new LinkedHashMap<>();
        int x = 0;
        for (ReportData.Generation g : generations) {
            x++;
            String name = "loop " + g.loop();
            if (g.bestFitness() <= 1 && g.bestFitness() > 0) {
                best.computeIfAbsent(g.loop(), l -> new XYSeries(name)).add(x, g.bestFitness());
            }
            feasible.computeIfAbsent(g.loop(), l -> new XYSeries(name)).add(x, g.feasible());
        }
        double[] keptRange = range(best.values(), false);
        LogAxis keptAxis = logAxis("best kept fraction (log)", keptRange[0], keptRange[1]);
        XYPlot top = new XYPlot(collection(best.values()), null, keptAxis, new XYLineAndShapeRenderer(true, false));
        NumberAxis countAxis = new NumberAxis("feasible candidates");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        XYPlot bottom = new XYPlot(collection(feasible.values()), null, countAxis, bars);
        NumberAxis generationAxis = new NumberAxis("generation (run-wide)");
        generationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(generationAxis);
        plot.setGap(12);
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart("Search: best kept fraction and feasible candidates per generation",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        // the bottom plot would otherwise repeat the legend; both use the same per-loop colours
        bottom.setFixedLegendItems(new org.jfree.chart.LegendItemCollection());
        return styled(chart);
    }

    /** Validation and test accuracy per loop, with the reference model's as dashed lines. */
    static JFreeChart accuracyPerLoop(List<ReportData.Loop> loops, Optional<Double> referenceValidation,
                                      Optional<Double> referenceTest) {
        XYSeries start = new XYSeries("validation at loop start");
        XYSeries pruned = new XYSeries("validation after pruning");
        XYSeries adjusted = new XYSeries("validation after adjusting");
        XYSeries test = new XYSeries("test after adjusting");
        for (ReportData.Loop l : loops) {
            start.add(l.loop(), l.loopStartValidation());
            pruned.add(l.loop(), l.validationBeforeAdjust());
            adjusted.add(l.loop(), l.validationAfterAdjust());
            test.add(l.loop(), l.testAfterAdjust());
        }
        List<XYSeries> series = new java.util.ArrayList<>(List.of(start, pruned, adjusted, test));
        int first = loops.get(0).loop();
        int last = loops.get(loops.size() - 1).loop();
        referenceValidation.ifPresent(v -> series.add(flat("reference validation", first, last, v)));
        referenceTest.ifPresent(v -> series.add(flat("reference test", first, last, v)));
        JFreeChart chart = ChartFactory.createXYLineChart("Accuracy per loop", "loop", "accuracy",
                collection(series), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        for (int i = 4; i < series.size(); i++) {
            renderer.setSeriesStroke(i, dashed);
            renderer.setSeriesShapesVisible(i, false);
            // the reference lines take the colour of what they compare with: validation (green), test (red)
            renderer.setSeriesPaint(i, series.get(i).getKey().equals("reference test") ? PALETTE[3] : PALETTE[2]);
        }
        plot.setRenderer(renderer);
        integerDomain(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return styled(chart);
    }

    /**
     * Validation and test accuracy of every loop end (and of the reference at 1x) against its compression
     * ratio, with the reference's accuracies as dashed lines and the delivered model ringed: what the
     * delivery guard chose from.
     */
    static JFreeChart compressionAgainstAccuracy(List<ReportData.Loop> loops, double referenceValidation,
                                                 double referenceTest, int deliveredLoop) {
        XYSeries validation = new XYSeries("validation after adjusting", false);
        XYSeries test = new XYSeries("test after adjusting", false);
        XYSeries delivered = new XYSeries("delivered (validation)", false);
        validation.add(1.0, referenceValidation);
        test.add(1.0, referenceTest);
        if (deliveredLoop == 0) {
            delivered.add(1.0, referenceValidation);
        }
        double maxRatio = 1;
        for (ReportData.Loop l : loops) {
            validation.add(l.compressionRatio(), l.validationAfterAdjust());
            test.add(l.compressionRatio(), l.testAfterAdjust());
            if (l.loop() == deliveredLoop) {
                delivered.add(l.compressionRatio(), l.validationAfterAdjust());
            }
            maxRatio = Math.max(maxRatio, l.compressionRatio());
        }
        XYSeries refValidation = new XYSeries("reference validation", false);
        refValidation.add(1.0, referenceValidation);
        refValidation.add(maxRatio, referenceValidation);
        XYSeries refTest = new XYSeries("reference test", false);
        refTest.add(1.0, referenceTest);
        refTest.add(maxRatio, referenceTest);
        List<XYSeries> series = List.of(validation, test, delivered, refValidation, refTest);
        LogAxis ratioAxis = new LogAxis("compression ratio (weights / kept weights), loop ends in order");
        ratioAxis.setSmallestValue(1);
        ratioAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        ratioAxis.setMinorTickMarksVisible(false);
        ratioAxis.setTickUnit(new NumberTickUnit(Math.log10(2)));
        ratioAxis.setRange(0.9, maxRatio * 1.15);
        NumberAxis accuracyAxis = new NumberAxis("accuracy");
        accuracyAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesShapesFilled(2, false);
        renderer.setSeriesPaint(0, PALETTE[2]);
        renderer.setSeriesPaint(1, PALETTE[3]);
        renderer.setSeriesPaint(2, Color.BLACK);
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        for (int i = 3; i < 5; i++) {
            renderer.setSeriesStroke(i, dashed);
            renderer.setSeriesShapesVisible(i, false);
            renderer.setSeriesPaint(i, i == 3 ? PALETTE[2] : PALETTE[3]);
        }
        XYPlot plot = new XYPlot(collection(series), ratioAxis, accuracyAxis, renderer);
        return styled(new JFreeChart("Compression against accuracy at each loop end (delivered model ringed)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static XYSeries flat(String name, int fromLoop, int toLoop, double value) {
        XYSeries s = new XYSeries(name);
        s.add(fromLoop, value);
        s.add(toLoop, value);
        return s;
    }

    /** Sparsity (percent of weights pruned) of every prunable layer after each loop. */
    static JFreeChart sparsityPerLoop(List<ReportData.Layer> layers) {
        Map<String, XYSeries> byLayer = new LinkedHashMap<>();
        layers.stream().sorted(java.util.Comparator.comparingInt(ReportData.Layer::layerIndex)
                        .thenComparingInt(ReportData.Layer::loop))
                .forEach(l -> byLayer.computeIfAbsent(l.layer(), XYSeries::new).add(l.loop(), 100 * l.sparsity()));
        JFreeChart chart = ChartFactory.createXYLineChart("Per-layer sparsity per loop", "loop", "weights pruned (%)",
                collection(byLayer.values()), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        integerDomain(plot);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        return styled(chart);
    }

    /** Every scored candidate: kept fraction (log) against validation accuracy, feasible ones apart. */
    static JFreeChart candidates(List<ReportData.Candidate> candidates) {
        XYSeries feasible = new XYSeries("feasible", false);
        XYSeries infeasible = new XYSeries("infeasible", false);
        for (ReportData.Candidate c : candidates) {
            if (c.keptFraction() > 0) {
                (c.feasible() ? feasible : infeasible).add(c.keptFraction(), c.accuracy());
            }
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Candidates: kept fraction vs validation accuracy",
                "kept fraction (log)", "validation accuracy", collection(List.of(feasible, infeasible)),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        double[] keptRange = range(List.of(feasible, infeasible), true);
        plot.setDomainAxis(logAxis("kept fraction (log)", keptRange[0], keptRange[1]));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5);
        dots.setSeriesShape(0, dot);
        dots.setSeriesShape(1, dot);
        dots.setSeriesPaint(0, new Color(31, 119, 180, 150));
        dots.setSeriesPaint(1, new Color(214, 39, 40, 110));
        plot.setRenderer(dots);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return styled(chart);
    }

    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    /**
     * A log axis for fractions in (0, 1]: ticks at 10^k times powers of two (0.01, 0.02, 0.04, ...),
     * or at powers of ten when the data span more than three decades. (JFreeChart's automatic log
     * ticks label only powers of ten, often a single one over a run's range.)
     */
    private static LogAxis logAxis(String label, double min, double max) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(1e-6);
        double decades = Math.log10(max / min);
        axis.setTickUnit(new NumberTickUnit(decades > 3 ? 1 : Math.log10(2)));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        axis.setMinorTickMarksVisible(false);
        axis.setRange(min / 1.15, Math.min(1.0, max * 1.15));
        return axis;
    }

    /** Smallest and largest x (or y) values across the series; [0.01, 1] if they are empty. */
    private static double[] range(Iterable<XYSeries> series, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : series) {
            if (s.getItemCount() > 0) {
                min = Math.min(min, x ? s.getMinX() : s.getMinY());
                max = Math.max(max, x ? s.getMaxX() : s.getMaxY());
            }
        }
        return min > max ? new double[] {0.01, 1} : new double[] {min, Math.max(max, min * 1.01)};
    }

    private static XYSeriesCollection collection(Iterable<XYSeries> series) {
        XYSeriesCollection c = new XYSeriesCollection();
        series.forEach(c::addSeries);
        return c;
    }

    private static void integerDomain(XYPlot plot) {
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            combined.getSubplots().forEach(p -> styled((XYPlot) p));
        } else if (chart.getPlot() instanceof XYPlot plot) {
            styled(plot);
        }
        return chart;
    }

    /** Matplotlib's tab10: distinct, print-safe colours (JFreeChart's defaults include pale yellow and cyan). */
    private static final java.awt.Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private static void styled(XYPlot plot) {
        plot.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        // explicit series colours: subplots of a combined plot would otherwise draw from one shared sequence
        // and give loop 1 different colours above and below
        if (plot.getDataset() != null) {
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                if (plot.getRenderer().getSeriesPaint(i) == null) {
                    plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                }
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlineVisible(false);
    }
}
