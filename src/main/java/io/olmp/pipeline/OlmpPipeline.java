package io.olmp.pipeline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.PruneSettings;
import io.olmp.config.SearchSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import io.olmp.prune.Adjuster;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.Objective;
import io.olmp.prune.PercentileCodec;
import io.olmp.report.CpuMeter;
import io.olmp.report.RunTables;
import io.olmp.search.GenerationStats;
import io.olmp.search.Ncs;
import io.olmp.search.NcsParams;
import io.olmp.search.NcsState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * OLMP (Li et al., IJCAI 2018; docs/method.md, The prune-and-adjust loop): for each pruning loop, NCS-C searches the
 * per-layer pruning percentages that minimise the weights kept subject to the validation
 * accuracy dropping by at most delta; the best thresholds prune the model; K SGD iterations
 * adjust it (DS or fixed masks). The model is kept as dense W plus masks M, its effective weights
 * are W * M. After every generation a checkpoint is written; {@link #run} resumes from it.
 */
public final class OlmpPipeline {

    private final OlmpSettings settings;
    private final DataSplits splits;
    private final Path out;
    private final Consumer<String> log;
    private final EvaluatorFactory evaluators;
    private TableRecorder tables = new TableRecorder(null, CpuMeter.processOnly());

    public OlmpPipeline(OlmpSettings settings, DataSplits splits, Path out, EvaluatorFactory evaluators,
                        Consumer<String> log) {
        this.settings = settings;
        this.splits = splits;
        this.out = out;
        this.evaluators = evaluators;
        this.log = log;
    }

    /**
     * Appends every generation and loop to the run tables ({@code <out>/tables/}), measuring CPU
     * with {@code cpu}. Without this call no tables are written.
     */
    public OlmpPipeline withTables(RunTables runTables, CpuMeter cpu) {
        this.tables = new TableRecorder(runTables, cpu);
        return this;
    }

    /**
     * Runs (or resumes) the loops on a reference model and writes {@code result.json} and the
     * final model.
     */
    public RunResult run(MultiLayerNetwork reference) throws IOException {
        CheckpointedRun run = CheckpointedRun.open(settings, splits, out, reference);
        PruneSettings prune = settings.prune();
        Optional<NcsState> resumedSearch = run.resumedSearch();
        if (run.resumed()) {
            log.accept(String.format("resume: loop %d, %s", run.firstLoop(), resumedSearch
                    .map(s -> "after generation " + s.generation()).orElse("before its search")));
        }
        log.accept(String.format("olmp: %d loops x %d generations x %d candidates on %,d validation images, delta %.3f",
                prune.loops(), settings.search().generations(), settings.search().population(),
                splits.validation().count(), prune.delta()));

        for (int loop = run.firstLoop(); loop <= prune.loops(); loop++) {
            if (resumedSearch.isEmpty()) {
                run.startLoop(loop);
            }
            LoopRecord record = runLoop(loop, run, resumedSearch);
            resumedSearch = Optional.empty();
            run.loopDone(record);
            logLoop(record);
        }
        double cpuStart = tables.cpu().seconds();
        Optional<LoopRecord> retrained = run.finalRetraining(log);
        if (retrained.isPresent()) {
            tables.loop(retrained.get(), run.finishedLoops().get(run.finishedLoops().size() - 2).testAccuracy(), 0,
                    tables.cpu().seconds() - cpuStart);
            logLoop(retrained.get());
        }
        return run.finish(RunResult.OLMP, prune.loops(), log);
    }

    private LoopRecord runLoop(int loop, CheckpointedRun run, Optional<NcsState> resumed) throws IOException {
        MultiLayerNetwork model = run.model();
        LayerMasks masks = run.masks();
        PruneSettings prune = settings.prune();
        SearchSettings search = settings.search();
        long searchStart = System.nanoTime();
        double searchCpuStart = tables.cpu().seconds();
        double searchBefore = resumed.isPresent() ? run.resumedSearchSeconds() : 0;
        double searchCpuBefore = resumed.isPresent() ? run.resumedSearchCpuSeconds() : 0;
        java.util.function.DoubleSupplier searchSoFar = () -> searchBefore + (System.nanoTime() - searchStart) / 1e9;
        java.util.function.DoubleSupplier searchCpuSoFar = () -> searchCpuBefore + tables.cpu().seconds()
                - searchCpuStart;
        Map<String, INDArray> effectiveWeights = MagnitudePruner.effectiveWeights(model, masks);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effectiveWeights);
        PercentileCodec codec = new PercentileCodec(magnitudes);
        double sigma = prune.sigmaForLoop(loop);
        NcsParams params = NcsParams.defaults(search.population(), search.generations(), codec.lowerBounds(),
                codec.upperBounds()).withInitialSigma(sigma).withR(search.r()).withLambdaRange(search.lambdaRange());
        Ncs ncs = new Ncs(params);
        GenerationProgress progress = new GenerationProgress(loop, prune.loops(), search.generations(), log);
        NcsState state;
        double loopStartAccuracy;
        LayerThresholds thresholds;
        CandidateResult best;
        boolean feasibleFound;
        try (ThresholdEvaluator evaluator = evaluators.create(model, masks, magnitudes, codec)) {
            CandidateResult loopStart = evaluator.scoreOne(LayerThresholds.none(magnitudes.layers()));
            loopStartAccuracy = loopStart.accuracy();
            long baseline = prune.baseline().equals("reference") ? run.referenceValidation().correct()
                    : loopStart.correct();
            evaluator.setObjective(new Objective(baseline, loopStart.total(), prune.delta()));
            if (resumed.isPresent()) {
                state = resumed.get();
            } else {
                tables.startGeneration();
                state = ncs.init(evaluator, searchSeed(loop), codec.currentSparsityPercent(), codec.upperBounds(),
                        (stats, s) -> generationDone(loop, progress, stats, evaluator));
                run.generationDone(state, searchSoFar.getAsDouble(), searchCpuSoFar.getAsDouble());
            }
            while (!ncs.isFinished(state)) {
                tables.startGeneration();
                state = ncs.step(state, evaluator, (stats, s) -> generationDone(loop, progress, stats, evaluator));
                run.generationDone(state, searchSoFar.getAsDouble(), searchCpuSoFar.getAsDouble());
            }
            feasibleFound = state.bestFitness() <= 1;
            thresholds = feasibleFound ? codec.decode(state.bestX()) : LayerThresholds.none(magnitudes.layers());
            best = evaluator.scoreOne(thresholds);
        }
        if (!feasibleFound) {
            log.accept(String.format("loop %d: WARNING no candidate met the accuracy constraint (best score %.4f);"
                    + " this loop prunes nothing more", loop, state.bestFitness()));
        }
        double searchSeconds = searchSoFar.getAsDouble();
        double searchCpuSeconds = searchCpuSoFar.getAsDouble();

        LayerMasks pruned = MagnitudePruner.masks(effectiveWeights, thresholds);
        LayerThresholds boundaries = MagnitudePruner.boundaries(effectiveWeights, pruned, thresholds);
        masks.byLayer().forEach((name, m) -> m.assign(pruned.of(name)));
        MultiLayerNetwork prunedModel = model.clone();
        MagnitudePruner.applyInPlace(prunedModel, masks);
        double testBeforeAdjust = Accuracy.count(prunedModel, splits.test()).fraction();

        long adjustStart = System.nanoTime();
        double adjustCpuStart = tables.cpu().seconds();
        int k = prune.adjustIterations();
        new Adjuster(prune, settings.train().batchSize(), settings.train().fastStep()).adjust(model, masks, boundaries, splits.train(),
                adjustSeed(loop), done -> {
                    if (done % Math.max(1, k / 4) == 0 && done < k) {
                        log.accept(String.format("loop %d  adjust %,d/%,d", loop, done, k));
                    }
                });
        double adjustSeconds = (System.nanoTime() - adjustStart) / 1e9;
        double adjustCpuSeconds = tables.cpu().seconds() - adjustCpuStart;

        MultiLayerNetwork effective = model.clone();
        MagnitudePruner.applyInPlace(effective, masks);
        Accuracy.Count validation = Accuracy.count(effective, splits.validation());
        Accuracy.Count test = Accuracy.count(effective, splits.test());
        Map<String, Long> kept = LayerWeights.nonZero(effective);
        LoopRecord record = new LoopRecord(loop, sigma, state.generation(), state.evaluations(),
                Arrays.stream(state.bestX()).boxed().toList(), thresholds.byLayer(), state.bestFitness(),
                loopStartAccuracy, best.accuracy(), kept, LayerWeights.sizes(model), validation.fraction(),
                test.fraction(), searchSeconds, adjustSeconds, kept.values().stream().anyMatch(v -> v == 0),
                feasibleFound, false);
        tables.loop(record, testBeforeAdjust, searchCpuSeconds, adjustCpuSeconds);
        return record;
    }

    /** Progress line, then the run tables; the tables are written before the checkpoint, so none is lost. */
    private void generationDone(int loop, GenerationProgress progress, GenerationStats stats,
                                ThresholdEvaluator evaluator) {
        progress.generation(stats, evaluator.lastResults());
        tables.generation(loop, stats, evaluator);
    }

    private void logLoop(LoopRecord r) {
        String layers = r.keptByLayer().entrySet().stream()
                .map(e -> String.format("%s %.2f%%", e.getKey(),
                        100.0 * (1 - (double) e.getValue() / r.sizeByLayer().get(e.getKey()))))
                .collect(Collectors.joining(", "));
        log.accept(String.format("loop %d done: kept %,d of %,d weights (%.1fx); sparsity %s; validation %.4f "
                        + "(search %.4f, loop start %.4f), test %.4f; search %.0f s, adjust %.0f s%s",
                r.loop(), r.kept(), r.size(), r.compressionRatio(), layers, r.validationAccuracy(), r.searchAccuracy(),
                r.loopStartValidationAccuracy(), r.testAccuracy(), r.searchSeconds(), r.adjustSeconds(),
                r.disconnected() ? "  WARNING: a layer kept no weight" : ""));
    }

    private long searchSeed(int loop) {
        return settings.seeds().loopSearch(loop);
    }

    private long adjustSeed(int loop) {
        return settings.seeds().adjustBatchOrder(loop);
    }

    /** One progress line per generation: best kept fraction, ratio, feasible count, speed, ETA. */
    static final class GenerationProgress {
        private final int loop;
        private final int loops;
        private final int generations;
        private final Consumer<String> log;
        private final long start = System.nanoTime();
        private long candidates;

        GenerationProgress(int loop, int loops, int generations, Consumer<String> log) {
            this.loop = loop;
            this.loops = loops;
            this.generations = generations;
            this.log = log;
        }

        void generation(GenerationStats stats, List<CandidateResult> results) {
            candidates += stats.evaluated();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = candidates / seconds;
            double best = stats.bestFitness();
            String bestText = best <= 1 ? String.format("best kept %.4f (%.1fx)", best, best > 0 ? 1 / best : 0)
                    : String.format("no feasible yet (best %.4f)", best);
            long disconnected = results.stream().filter(r -> r != null && r.disconnected()).count();
            double loopEta = (generations - stats.generation()) * stats.evaluated() / rate;
            log.accept(String.format("loop %d/%d  gen %3d/%d  %s  feasible %d/%d  %.1f cand/s  loop ETA %s%s%s",
                    loop, loops, stats.generation(), generations, bestText, stats.feasible(), stats.evaluated(), rate,
                    ReferenceTraining.duration(loopEta),
                    stats.failed() > 0 ? "  failed " + stats.failed() : "",
                    disconnected > 0 ? "  disconnected " + disconnected : ""));
        }
    }
}
