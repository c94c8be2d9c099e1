package io.olmp.pipeline;

import io.olmp.prune.CandidateResult;
import io.olmp.prune.LayerThresholds;
import io.olmp.result.LoopRecord;
import io.olmp.scoring.ScoredGeneration;
import io.olmp.report.CandidateRow;
import io.olmp.report.CpuMeter;
import io.olmp.report.GenerationRow;
import io.olmp.report.LayerRow;
import io.olmp.report.LoopRow;
import io.olmp.report.RunTables;
import io.olmp.search.GenerationStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the loops' generations and loop records (OLMP's and the baselines') into run-table rows
 * ({@link RunTables}), or records nothing when the run writes no tables.
 * Measures each generation from {@link #startGeneration()} (just before NCS proposes) to its
 * listener call: search work and scoring, not the checkpoint or the table write.
 */
public final class TableRecorder {

    private final RunTables tables;
    private final CpuMeter cpu;
    private long generationWallStart;
    private double generationCpuStart;

    private TableRecorder(RunTables tables, CpuMeter cpu) {
        this.tables = tables;
        this.cpu = cpu;
    }

    /** Records into {@code tables}, measuring CPU with {@code cpu}. */
    public static TableRecorder of(RunTables tables, CpuMeter cpu) {
        return new TableRecorder(tables, cpu);
    }

    /** Records nothing; CPU is measured for this process only. */
    public static TableRecorder none() {
        return new TableRecorder(null, CpuMeter.processOnly());
    }

    /** Whether rows are written. */
    public boolean recording() {
        return tables != null;
    }

    public CpuMeter cpu() {
        return cpu;
    }

    void startGeneration() {
        if (tables != null) {
            generationWallStart = System.nanoTime();
            generationCpuStart = cpu.seconds();
        }
    }

    /** The generation just scored; called from the search's generation listener. */
    void generation(int loop, GenerationStats stats, ScoredGeneration scored) {
        if (tables == null) {
            return;
        }
        double wall = (System.nanoTime() - generationWallStart) / 1e9;
        double cpuSeconds = cpu.seconds() - generationCpuStart;
        List<double[]> xs = scored.candidates();
        List<CandidateRow> rows = new ArrayList<>(xs.size());
        for (int k = 0; k < xs.size(); k++) {
            double[] t = inOrder(scored.scored().get(k).thresholds());
            CandidateResult r = scored.result(k);
            if (r == null) {
                rows.add(CandidateRow.failed(loop, stats.generation(), k, xs.get(k), t, scored.scores().get(k).failure()));
            } else {
                rows.add(new CandidateRow(loop, stats.generation(), k, xs.get(k), t, r.kept(), r.keptFraction(),
                        r.correct(), r.total(), r.accuracy(), scored.scores().get(k).value(),
                        scored.objective().feasible(r.correct()), null));
            }
        }
        GenerationRow row = new GenerationRow(loop, stats.generation(), stats.evaluations(), stats.bestFitness(),
                stats.meanParentFitness(), stats.evaluated(), stats.feasible(), stats.accepted(), stats.failed(),
                stats.minSigma(), stats.maxSigma(), wall, cpuSeconds);
        try {
            tables.generation(row, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the tables of loop " + loop + " generation " + stats.generation(), e);
        }
    }

    /** A finished loop; {@code testBeforeAdjust} is the test accuracy of the pruned model before adjusting. */
    public void loop(LoopRecord r, double testBeforeAdjust, double searchCpuSeconds, double adjustCpuSeconds)
            throws IOException {
        if (tables == null) {
            return;
        }
        List<String> layers = List.copyOf(r.sizeByLayer().keySet());
        double[] thresholds = layers.stream().mapToDouble(name -> r.thresholds().getOrDefault(name, 0.0)).toArray();
        List<LayerRow> layerRows = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i);
            layerRows.add(new LayerRow(r.loop(), i, name, r.sizeByLayer().get(name), r.keptByLayer().get(name),
                    thresholds[i]));
        }
        tables.loop(new LoopRow(r.loop(), r.sigma(), r.generations(), r.evaluations(), layers, thresholds, r.kept(),
                r.size(), r.loopStartValidationAccuracy(), r.searchAccuracy(), testBeforeAdjust, r.validationAccuracy(),
                r.testAccuracy(), r.feasibleFound(), r.searchSeconds(), searchCpuSeconds, r.adjustSeconds(),
                adjustCpuSeconds), layerRows);
    }

    private static double[] inOrder(LayerThresholds thresholds) {
        return thresholds.byLayer().values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
