package io.olmp.pipeline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.PruneSettings;
import io.olmp.config.SearchSettings;
import io.olmp.data.DataSplits;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.PercentileCodec;
import io.olmp.report.CpuMeter;
import io.olmp.report.RunTables;
import io.olmp.result.LoopRecord;
import io.olmp.result.RunResult;
import io.olmp.scoring.ScoredGeneration;
import io.olmp.scoring.ShardCounters;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.GenerationStats;
import io.olmp.search.Ncs;
import io.olmp.search.NcsParams;
import io.olmp.search.NcsState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * OLMP (Li et al., IJCAI 2018; docs/method.md, The prune-and-adjust loop): for each pruning loop, NCS-C searches the
 * per-layer pruning percentages that minimise the weights kept subject to the validation
 * accuracy dropping by at most delta; the best thresholds prune the model; K SGD iterations
 * adjust it (DS or fixed masks) in the {@link PruneAndAdjust} step the baselines share. The model is kept as dense
 * W plus masks M, its effective weights are W * M. After every generation a checkpoint is written; {@link #run}
 * resumes from it.
 */
public final class OlmpPipeline {

    private final OlmpSettings settings;
    private final DataSplits splits;
    private final Path out;
    private final Consumer<String> log;
    private final ShardCounters counters;
    private TableRecorder tables = TableRecorder.none();

    public OlmpPipeline(OlmpSettings settings, DataSplits splits, Path out, ShardCounters counters,
                        Consumer<String> log) {
        this.settings = settings;
        this.splits = splits;
        this.out = out;
        this.counters = counters;
        this.log = log;
    }

    /**
     * Appends every generation and loop to the run tables ({@code <out>/tables/}), measuring CPU
     * with {@code cpu}. Without this call no tables are written.
     */
    public OlmpPipeline withTables(RunTables runTables, CpuMeter cpu) {
        this.tables = TableRecorder.of(runTables, cpu);
        return this;
    }

    /**
     * Runs (or resumes) the loops on a reference model and writes {@code result.json} and the
     * final model.
     */
    public RunResult run(MultiLayerNetwork reference) throws IOException {
        CheckpointedRun run = CheckpointedRun.open(settings, splits, out, reference, log);
        PruneAndAdjust step = new PruneAndAdjust(settings, splits, counters, tables, "loop", log);
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
            LoopRecord record = runLoop(loop, run, step, resumedSearch);
            resumedSearch = Optional.empty();
            run.loopDone(record);
            logLoop(record);
        }
        step.finalRetraining(run).ifPresent(this::logLoop);
        return run.finish(RunResult.OLMP, prune.loops(), log);
    }

    private LoopRecord runLoop(int loop, CheckpointedRun run, PruneAndAdjust step, Optional<NcsState> resumed)
            throws IOException {
        PruneSettings prune = settings.prune();
        SearchSettings search = settings.search();
        long searchStart = System.nanoTime();
        double searchCpuStart = tables.cpu().seconds();
        double searchBefore = resumed.isPresent() ? run.resumedSearchSeconds() : 0;
        double searchCpuBefore = resumed.isPresent() ? run.resumedSearchCpuSeconds() : 0;
        DoubleSupplier searchSoFar = () -> searchBefore + (System.nanoTime() - searchStart) / 1e9;
        DoubleSupplier searchCpuSoFar = () -> searchCpuBefore + tables.cpu().seconds() - searchCpuStart;
        double sigma = prune.sigmaForLoop(loop);
        PruneAndAdjust.Choice choice;
        PruneAndAdjust.LoopStart start = step.start(loop, run.model(), run.masks(), run.referenceValidation());
        try (start) {
            PercentileCodec codec = new PercentileCodec(start.magnitudes());
            NcsParams params = NcsParams.defaults(search.population(), search.generations(), codec.lowerBounds(),
                    codec.upperBounds()).withInitialSigma(sigma).withR(search.r()).withLambdaRange(search.lambdaRange());
            Ncs ncs = new Ncs(params);
            GenerationProgress progress = new GenerationProgress(loop, prune.loops(), search.generations(), log);
            AtomicReference<ScoredGeneration> scored = new AtomicReference<>();
            BatchEvaluator evaluator = start.scorer().evaluator(codec, start.objective(), scored::set);
            NcsState state;
            if (resumed.isPresent()) {
                state = resumed.get();
            } else {
                tables.startGeneration();
                state = ncs.init(evaluator, settings.seeds().loopSearch(loop), codec.currentSparsityPercent(),
                        codec.upperBounds(), (stats, s) -> generationDone(loop, progress, stats, scored.get()));
                run.generationDone(state, searchSoFar.getAsDouble(), searchCpuSoFar.getAsDouble());
            }
            while (!ncs.isFinished(state)) {
                tables.startGeneration();
                state = ncs.step(state, evaluator, (stats, s) -> generationDone(loop, progress, stats, scored.get()));
                run.generationDone(state, searchSoFar.getAsDouble(), searchCpuSoFar.getAsDouble());
            }
            boolean feasibleFound = state.bestFitness() <= 1;
            LayerThresholds thresholds = feasibleFound ? codec.decode(state.bestX())
                    : LayerThresholds.none(start.magnitudes().layers());
            CandidateResult best = start.scorer().scoreOne(thresholds);
            if (!feasibleFound) {
                log.accept(String.format("loop %d: WARNING no candidate met the accuracy constraint (best score %.4f);"
                        + " this loop prunes nothing more", loop, state.bestFitness()));
            }
            choice = new PruneAndAdjust.Choice(sigma, state.generation(), state.evaluations(),
                    Arrays.stream(state.bestX()).boxed().toList(), thresholds, state.bestFitness(), best, feasibleFound,
                    searchSoFar.getAsDouble(), searchCpuSoFar.getAsDouble());
        }
        return step.finish(start, choice, true);
    }

    /** Progress line, then the run tables; the tables are written before the checkpoint, so none is lost. */
    private void generationDone(int loop, GenerationProgress progress, GenerationStats stats, ScoredGeneration scored) {
        progress.generation(stats, scored);
        tables.generation(loop, stats, scored);
    }

    private void logLoop(LoopRecord r) {
        log.accept(String.format("loop %d done: kept %,d of %,d weights (%.1fx); sparsity %s; validation %.4f "
                        + "(search %.4f, loop start %.4f), test %.4f; search %.0f s, adjust %.0f s%s",
                r.loop(), r.kept(), r.size(), r.compressionRatio(), r.sparsityText(), r.validationAccuracy(),
                r.searchAccuracy(), r.loopStartValidationAccuracy(), r.testAccuracy(), r.searchSeconds(),
                r.adjustSeconds(), r.disconnected() ? "  WARNING: a layer kept no weight" : ""));
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

        void generation(GenerationStats stats, ScoredGeneration scored) {
            candidates += stats.evaluated();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = candidates / seconds;
            double best = stats.bestFitness();
            String bestText = best <= 1 ? String.format("best kept %.4f (%.1fx)", best, best > 0 ? 1 / best : 0)
                    : String.format("no feasible yet (best %.4f)", best);
            long disconnected = scored.disconnected();
            double loopEta = (generations - stats.generation()) * stats.evaluated() / rate;
            log.accept(String.format("loop %d/%d  gen %3d/%d  %s  feasible %d/%d  %.1f cand/s  loop ETA %s%s%s",
                    loop, loops, stats.generation(), generations, bestText, stats.feasible(), stats.evaluated(), rate,
                    ReferenceTraining.duration(loopEta),
                    stats.failed() > 0 ? "  failed " + stats.failed() : "",
                    disconnected > 0 ? "  disconnected " + disconnected : ""));
        }
    }
}
