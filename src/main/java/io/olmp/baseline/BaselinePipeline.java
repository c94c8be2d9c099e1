package io.olmp.baseline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.PruneSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import io.olmp.pipeline.CheckpointedRun;
import io.olmp.pipeline.EvaluatorFactory;
import io.olmp.pipeline.LoopRecord;
import io.olmp.pipeline.RunResult;
import io.olmp.pipeline.TableRecorder;
import io.olmp.pipeline.ThresholdEvaluator;
import io.olmp.prune.Adjuster;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.Objective;
import io.olmp.prune.PercentileCodec;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.report.CpuMeter;
import io.olmp.report.RunTables;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A magnitude-pruning baseline in OLMP's schedule. Each step (at most {@code prune.loops}):
 * <ol>
 *   <li>the {@link SparsityLadder} lists smaller sizes than the n weights kept now; the method
 *       turns each into thresholds on the current |W * M|; all are scored on the validation split
 *       (one evaluation each, counted like OLMP's candidate evaluations);</li>
 *   <li>the smallest size meeting the same {@link Objective} as OLMP (integer counts, delta
 *       against the loop-start or reference accuracy per {@code prune.baseline}) is pruned, and
 *       K = {@code prune.adjust-iterations} iterations adjust the model exactly as in OLMP (same
 *       DS or fixed-mask mode, same batch order per loop);</li>
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
    private final EvaluatorFactory evaluators;
    private final Consumer<String> log;
    private RunTables tables;
    private CpuMeter cpu = CpuMeter.processOnly();

    public BaselinePipeline(OlmpSettings settings, BaselineMethod method, DataSplits splits, Path out,
                            EvaluatorFactory evaluators, Consumer<String> log) {
        this.settings = settings;
        this.method = method;
        this.splits = splits;
        this.out = out;
        this.evaluators = evaluators;
        this.log = log;
    }

    /**
     * Appends every step to the run tables ({@code loops} and {@code layers}; a baseline has no
     * generations or candidates), measuring CPU with {@code cpu}. Without this call no tables are written.
     */
    public BaselinePipeline withTables(RunTables runTables, CpuMeter cpuMeter) {
        this.tables = runTables;
        this.cpu = cpuMeter;
        return this;
    }

    public RunResult run(MultiLayerNetwork reference) throws IOException {
        CheckpointedRun run = CheckpointedRun.open(settings, splits, out, reference);
        PruneSettings prune = settings.prune();
        if (run.resumed()) {
            log.accept("resume: step " + run.firstLoop());
        }
        SparsityLadder ladder = new SparsityLadder(settings.baseline().keptFactor(), settings.baseline().rungs());
        log.accept(String.format("baseline %s: up to %d steps x %d sizes (kept factor %.3f) on %,d validation images,"
                        + " delta %.3f against %s, %d %s adjusting iterations per step", method.name(), prune.loops(),
                ladder.rungs(), ladder.keptFactor(), splits.validation().count(), prune.delta(), prune.baseline(),
                prune.adjustIterations(), prune.adjustMode()));

        List<LoopRecord> resumedSteps = run.finishedLoops();
        boolean stopped = !resumedSteps.isEmpty() && !resumedSteps.get(resumedSteps.size() - 1).feasibleFound();
        for (int step = run.firstLoop(); step <= prune.loops() && !stopped; step++) {
            run.startLoop(step);
            LoopRecord record = runStep(step, ladder, run.model(), run.masks(), run.referenceValidation());
            run.loopDone(record);
            logStep(record);
            stopped = !record.feasibleFound();
        }
        double cpuStart = cpu.seconds();
        java.util.Optional<LoopRecord> retrained = run.finalRetraining(log);
        if (retrained.isPresent()) {
            if (tables != null) {
                TableRecorder.writeLoop(tables, retrained.get(),
                        run.finishedLoops().get(run.finishedLoops().size() - 2).testAccuracy(), 0, cpu.seconds() - cpuStart);
            }
            logStep(retrained.get());
        }
        return run.finish(method.name(), run.finishedLoops().size(), log);
    }

    private LoopRecord runStep(int step, SparsityLadder ladder, MultiLayerNetwork model, LayerMasks masks,
                               Accuracy.Count referenceValidation) throws IOException {
        PruneSettings prune = settings.prune();
        long searchStart = System.nanoTime();
        double searchCpuStart = cpu.seconds();
        Map<String, INDArray> effectiveWeights = MagnitudePruner.effectiveWeights(model, masks);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effectiveWeights);
        long keptNow = 0;
        for (String layer : magnitudes.layers()) {
            keptNow += magnitudes.nonZero(layer);
        }
        BaselineMethod.Allocation allocation = method.on(magnitudes);
        List<LayerThresholds> candidates = ladder.targets(keptNow).stream().map(allocation::keeping).toList();

        Objective objective;
        CandidateResult loopStart;
        List<CandidateResult> results = new ArrayList<>();
        try (ThresholdEvaluator evaluator = evaluators.create(model, masks, magnitudes, new PercentileCodec(magnitudes))) {
            loopStart = evaluator.scoreOne(LayerThresholds.none(magnitudes.layers()));
            long baseline = prune.baseline().equals("reference") ? referenceValidation.correct() : loopStart.correct();
            objective = new Objective(baseline, loopStart.total(), prune.delta());
            int batch = settings.search().population();
            for (int from = 0; from < candidates.size(); from += batch) {
                List<LayerThresholds> part = candidates.subList(from, Math.min(candidates.size(), from + batch));
                ShardCounts counts = evaluator.countsOf(part);
                for (int c = 0; c < part.size(); c++) {
                    if (counts.failures()[c] != null) {
                        log.accept(String.format("step %d: size %d could not be scored: %s", step, from + c + 1,
                                counts.failures()[c]));
                        results.add(null);
                    } else {
                        results.add(CandidateScorer.result(magnitudes, part.get(c), counts.correct()[c], counts.total()));
                    }
                }
            }
        }
        // the same ranking as OLMP's search: feasible sizes by kept fraction, ahead of every infeasible one
        int chosen = -1;
        for (int c = 0; c < results.size(); c++) {
            if (results.get(c) != null && (chosen < 0 || fitness(objective, results.get(c)) < fitness(objective,
                    results.get(chosen)))) {
                chosen = c;
            }
        }
        boolean feasibleFound = chosen >= 0 && objective.feasible(results.get(chosen).correct());
        double bestFitness = fitness(objective, chosen >= 0 ? results.get(chosen) : loopStart);
        LayerThresholds thresholds = feasibleFound ? candidates.get(chosen)
                : LayerThresholds.none(magnitudes.layers());
        CandidateResult best = feasibleFound ? results.get(chosen) : loopStart;
        if (!feasibleFound) {
            log.accept(String.format("step %d: no size from %d weights kept meets the accuracy constraint (best score"
                    + " %.4f); the baseline stops here", step, keptNow, bestFitness));
        }
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;
        double searchCpuSeconds = cpu.seconds() - searchCpuStart;

        LayerMasks pruned = MagnitudePruner.masks(effectiveWeights, thresholds);
        LayerThresholds boundaries = MagnitudePruner.boundaries(effectiveWeights, pruned, thresholds);
        masks.byLayer().forEach((name, m) -> m.assign(pruned.of(name)));
        double testBeforeAdjust = tables == null ? Double.NaN : testAccuracy(model, masks);

        long adjustStart = System.nanoTime();
        double adjustCpuStart = cpu.seconds();
        if (feasibleFound) {
            int k = prune.adjustIterations();
            new Adjuster(prune, settings.train().batchSize(), settings.train().fastStep()).adjust(model, masks, boundaries, splits.train(),
                    adjustSeed(step), done -> {
                        if (done % Math.max(1, k / 4) == 0 && done < k) {
                            log.accept(String.format("step %d  adjust %,d/%,d", step, done, k));
                        }
                    });
        }
        double adjustSeconds = (System.nanoTime() - adjustStart) / 1e9;
        double adjustCpuSeconds = cpu.seconds() - adjustCpuStart;

        MultiLayerNetwork effective = model.clone();
        MagnitudePruner.applyInPlace(effective, masks);
        Accuracy.Count validation = Accuracy.count(effective, splits.validation());
        Accuracy.Count test = Accuracy.count(effective, splits.test());
        Map<String, Long> kept = LayerWeights.nonZero(effective);
        Map<String, Long> sizes = LayerWeights.sizes(model);
        List<Double> percentPruned = best.keptByLayer().entrySet().stream()
                .map(e -> 100.0 * (1 - (double) e.getValue() / sizes.get(e.getKey()))).toList();
        LoopRecord record = new LoopRecord(step, 0, 0, results.size(), percentPruned, thresholds.byLayer(),
                bestFitness, loopStart.accuracy(), best.accuracy(), kept, sizes, validation.fraction(), test.fraction(),
                searchSeconds, adjustSeconds, kept.values().stream().anyMatch(v -> v == 0), feasibleFound, false);
        if (tables != null) {
            TableRecorder.writeLoop(tables, record, testBeforeAdjust, searchCpuSeconds, adjustCpuSeconds); // sigma 0, generations 0
        }
        return record;
    }

    private double testAccuracy(MultiLayerNetwork model, LayerMasks masks) {
        MultiLayerNetwork pruned = model.clone();
        MagnitudePruner.applyInPlace(pruned, masks);
        return Accuracy.count(pruned, splits.test()).fraction();
    }

    private static double fitness(Objective objective, CandidateResult r) {
        return objective.value(r.keptFraction(), r.correct());
    }

    private void logStep(LoopRecord r) {
        String layers = r.keptByLayer().entrySet().stream()
                .map(e -> String.format("%s %.2f%%", e.getKey(),
                        100.0 * (1 - (double) e.getValue() / r.sizeByLayer().get(e.getKey()))))
                .collect(Collectors.joining(", "));
        log.accept(String.format("step %d done (%s): kept %,d of %,d weights (%.1fx); sparsity %s; validation %.4f "
                        + "(pruned %.4f, step start %.4f), test %.4f; %d sizes scored in %.0f s, adjust %.0f s", r.loop(),
                method.name(), r.kept(), r.size(), r.compressionRatio(), layers, r.validationAccuracy(),
                r.searchAccuracy(), r.loopStartValidationAccuracy(), r.testAccuracy(), r.evaluations(),
                r.searchSeconds(), r.adjustSeconds()));
    }

    /** The batch order of OLMP's loop with the same number, so both adjust on the same batches. */
    private long adjustSeed(int step) {
        return settings.seeds().adjustBatchOrder(step);
    }
}
