package io.olmp.baseline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.PruneSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.LayerWeights;
import io.olmp.pipeline.CheckpointedRun;
import io.olmp.pipeline.PruneAndAdjust;
import io.olmp.pipeline.TableRecorder;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.Objective;
import io.olmp.report.CpuMeter;
import io.olmp.report.RunTables;
import io.olmp.result.LoopRecord;
import io.olmp.result.RunResult;
import io.olmp.scoring.ScoredThresholds;
import io.olmp.scoring.ShardCounters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A magnitude-pruning baseline in OLMP's schedule. Each step (at most {@code prune.loops}):
 * <ol>
 *   <li>the {@link SparsityLadder} lists smaller sizes than the n weights kept now; the method
 *       turns each into thresholds on the current |W * M|; all are scored on the validation split
 *       (one evaluation each, counted like OLMP's candidate evaluations);</li>
 *   <li>the smallest size meeting the same {@link Objective} as OLMP (integer counts, delta
 *       against the loop-start or reference accuracy per {@code prune.baseline}) is pruned, and
 *       K = {@code prune.adjust-iterations} iterations adjust the model in OLMP's own
 *       {@link PruneAndAdjust} step (same DS or fixed-mask mode, same batch order per loop);</li>
 *   <li>if no size meets the constraint, the step prunes nothing and the run stops: the model is
 *       the adjusted one of the previous step, so the constraint fails even after adjusting.</li>
 * </ol>
 * Same loops, K and delta as OLMP: only the choice of thresholds differs (a line search along
 * the method's one-parameter family instead of NCS over one percentage per layer). The model and
 * masks at each step's start are checkpointed; {@link #run} resumes from them.
 */
public final class BaselinePipeline {

    private final OlmpSettings settings;
    private final BaselineMethod method;
    private final DataSplits splits;
    private final Path out;
    private final ShardCounters counters;
    private final Consumer<String> log;
    private TableRecorder tables = TableRecorder.none();

    public BaselinePipeline(OlmpSettings settings, BaselineMethod method, DataSplits splits, Path out,
                            ShardCounters counters, Consumer<String> log) {
        this.settings = settings;
        this.method = method;
        this.splits = splits;
        this.out = out;
        this.counters = counters;
        this.log = log;
    }

    /**
     * Appends every step to the run tables ({@code loops} and {@code layers}; a baseline has no
     * generations or candidates), measuring CPU with {@code cpu}. Without this call no tables are written.
     */
    public BaselinePipeline withTables(RunTables runTables, CpuMeter cpuMeter) {
        this.tables = TableRecorder.of(runTables, cpuMeter);
        return this;
    }

    public RunResult run(MultiLayerNetwork reference) throws IOException {
        CheckpointedRun run = CheckpointedRun.open(settings, splits, out, reference, log);
        PruneAndAdjust step = new PruneAndAdjust(settings, splits, counters, tables, "step", log);
        PruneSettings prune = settings.prune();
        if (run.resumed()) {
            log.accept("resume: step " + run.firstLoop());
        }
        SparsityLadder ladder = new SparsityLadder(settings.baseline().keptFactor(), settings.baseline().rungs());
        log.accept(String.format("baseline %s: up to %d steps x %d sizes (kept factor %.3f) on %,d validation images,"
                        + " delta %.3f against %s, %d %s adjusting iterations per step", method.name(), prune.loops(),
                ladder.rungs(), ladder.keptFactor(), splits.validation().count(), prune.delta(), prune.baseline().key(),
                prune.adjustIterations(), prune.adjustMode().key()));

        List<LoopRecord> resumedSteps = run.finishedLoops();
        boolean stopped = !resumedSteps.isEmpty() && !resumedSteps.get(resumedSteps.size() - 1).feasibleFound();
        for (int number = run.firstLoop(); number <= prune.loops() && !stopped; number++) {
            run.startLoop(number);
            LoopRecord record = runStep(number, ladder, run, step);
            run.loopDone(record);
            logStep(record);
            stopped = !record.feasibleFound();
        }
        step.finalRetraining(run).ifPresent(this::logStep);
        return run.finish(method.name(), run.finishedLoops().size(), log);
    }

    private LoopRecord runStep(int number, SparsityLadder ladder, CheckpointedRun run, PruneAndAdjust step)
            throws IOException {
        long searchStart = System.nanoTime();
        double searchCpuStart = tables.cpu().seconds();
        PruneAndAdjust.LoopStart start = step.start(number, run.model(), run.masks(), run.referenceValidation());
        long keptNow = 0;
        for (String layer : start.magnitudes().layers()) {
            keptNow += start.magnitudes().nonZero(layer);
        }
        BaselineMethod.Allocation allocation = method.on(start.magnitudes());
        List<LayerThresholds> candidates = ladder.targets(keptNow).stream().map(allocation::keeping).toList();
        List<CandidateResult> results = new ArrayList<>();
        try (start) {
            int batch = settings.search().population();
            for (int from = 0; from < candidates.size(); from += batch) {
                List<ScoredThresholds> part = start.scorer().scoreAll(
                        candidates.subList(from, Math.min(candidates.size(), from + batch)));
                for (int c = 0; c < part.size(); c++) {
                    if (part.get(c).failed()) {
                        log.accept(String.format("step %d: size %d could not be scored: %s", number, from + c + 1,
                                part.get(c).failure()));
                    }
                    results.add(part.get(c).result());
                }
            }
        }
        Objective objective = start.objective();
        // the same ranking as OLMP's search: feasible sizes by kept fraction, ahead of every infeasible one
        int chosen = -1;
        for (int c = 0; c < results.size(); c++) {
            if (results.get(c) != null && (chosen < 0 || fitness(objective, results.get(c)) < fitness(objective,
                    results.get(chosen)))) {
                chosen = c;
            }
        }
        boolean feasibleFound = chosen >= 0 && objective.feasible(results.get(chosen).correct());
        double bestFitness = fitness(objective, chosen >= 0 ? results.get(chosen) : start.score());
        LayerThresholds thresholds = feasibleFound ? candidates.get(chosen)
                : LayerThresholds.none(start.magnitudes().layers());
        CandidateResult best = feasibleFound ? results.get(chosen) : start.score();
        if (!feasibleFound) {
            log.accept(String.format("step %d: no size from %d weights kept meets the accuracy constraint (best score"
                    + " %.4f); the baseline stops here", number, keptNow, bestFitness));
        }
        Map<String, Long> sizes = LayerWeights.sizes(run.model());
        List<Double> percentPruned = best.keptByLayer().entrySet().stream()
                .map(e -> 100.0 * (1 - (double) e.getValue() / sizes.get(e.getKey()))).toList();
        PruneAndAdjust.Choice choice = new PruneAndAdjust.Choice(0, 0, results.size(), percentPruned, thresholds,
                bestFitness, best, feasibleFound, (System.nanoTime() - searchStart) / 1e9,
                tables.cpu().seconds() - searchCpuStart);
        return step.finish(start, choice, feasibleFound);
    }

    private static double fitness(Objective objective, CandidateResult r) {
        return objective.value(r.keptFraction(), r.correct());
    }

    private void logStep(LoopRecord r) {
        log.accept(String.format("step %d done (%s): kept %,d of %,d weights (%.1fx); sparsity %s; validation %.4f "
                        + "(pruned %.4f, step start %.4f), test %.4f; %d sizes scored in %.0f s, adjust %.0f s", r.loop(),
                method.name(), r.kept(), r.size(), r.compressionRatio(), r.sparsityText(), r.validationAccuracy(),
                r.searchAccuracy(), r.loopStartValidationAccuracy(), r.testAccuracy(), r.evaluations(),
                r.searchSeconds(), r.adjustSeconds()));
    }
}
