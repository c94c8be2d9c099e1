package io.olmp.pipeline;

import io.olmp.config.AccuracyBaseline;
import io.olmp.config.OlmpSettings;
import io.olmp.config.PruneSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import io.olmp.prune.Adjuster;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.Objective;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.result.LoopRecord;
import io.olmp.scoring.ShardCounters;
import io.olmp.scoring.ThresholdScorer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One prune-and-adjust step, shared by OLMP's loops and the baselines' steps, which differ only in how they
 * choose the thresholds. {@link #start} scores the loop-start model and sets the loop's objective; the caller
 * chooses thresholds with the start's scorer; {@link #finish} prunes W * M with them, adjusts K iterations on
 * the per-loop batch order of {@code SeedStreams}, measures the result and records it in the run tables.
 */
public final class PruneAndAdjust {

    private final OlmpSettings settings;
    private final DataSplits splits;
    private final ShardCounters counters;
    private final TableRecorder tables;
    private final String unit;
    private final Consumer<String> log;

    /**
     * @param unit what the progress lines call one step: "loop" (OLMP) or "step" (baselines)
     */
    public PruneAndAdjust(OlmpSettings settings, DataSplits splits, ShardCounters counters, TableRecorder tables,
                          String unit, Consumer<String> log) {
        this.settings = settings;
        this.splits = splits;
        this.counters = counters;
        this.tables = tables;
        this.unit = unit;
        this.log = log;
    }

    /**
     * A loop's starting point: the effective weights W * M, their sorted magnitudes, a scorer on the loop-start
     * model (closed with the start), the loop-start model's score, and the objective: keep as few weights as
     * possible while the correct predictions stay within delta of the loop start's or the reference's.
     */
    public record LoopStart(int loop, MultiLayerNetwork model, LayerMasks masks,
                            Map<String, INDArray> effectiveWeights, WeightMagnitudes magnitudes,
                            ThresholdScorer scorer, CandidateResult score, Objective objective)
            implements AutoCloseable {
        @Override
        public void close() {
            scorer.close();
        }
    }

    /**
     * How a loop chose its thresholds and what the choice cost.
     *
     * @param searchVector the chosen point of the search (OLMP) or the percent pruned per layer (baselines)
     * @param best         the chosen thresholds' score before adjusting
     */
    public record Choice(double sigma, int generations, long evaluations, List<Double> searchVector,
                         LayerThresholds thresholds, double bestFitness, CandidateResult best, boolean feasibleFound,
                         double searchSeconds, double searchCpuSeconds) {}

    /** Starts {@code loop} on the model and masks the run holds. */
    public LoopStart start(int loop, MultiLayerNetwork model, LayerMasks masks, Accuracy.Count referenceValidation) {
        Map<String, INDArray> effectiveWeights = MagnitudePruner.effectiveWeights(model, masks);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effectiveWeights);
        ThresholdScorer scorer = new ThresholdScorer(counters.create(model, masks), magnitudes);
        CandidateResult score = scorer.scoreOne(LayerThresholds.none(magnitudes.layers()));
        long baseline = settings.prune().baseline() == AccuracyBaseline.REFERENCE ? referenceValidation.correct()
                : score.correct();
        Objective objective = new Objective(baseline, score.total(), settings.prune().delta());
        return new LoopStart(loop, model, masks, effectiveWeights, magnitudes, scorer, score, objective);
    }

    /**
     * Prunes the start's model to {@code choice}'s thresholds (masks updated in place), adjusts it when
     * {@code adjust}, and returns the loop's record, also written to the run tables.
     */
    public LoopRecord finish(LoopStart start, Choice choice, boolean adjust) throws IOException {
        MultiLayerNetwork model = start.model();
        LayerMasks masks = start.masks();
        LayerMasks pruned = MagnitudePruner.masks(start.effectiveWeights(), choice.thresholds());
        LayerThresholds boundaries = MagnitudePruner.boundaries(start.effectiveWeights(), pruned, choice.thresholds());
        masks.byLayer().forEach((name, m) -> m.assign(pruned.of(name)));
        double testBeforeAdjust = tables.recording() ? Accuracy.count(MagnitudePruner.prunedCopy(model, masks), splits.test(), log).fraction()
                : Double.NaN;

        long adjustStart = System.nanoTime();
        double adjustCpuStart = tables.cpu().seconds();
        if (adjust) {
            adjust(settings.prune(), model, masks, boundaries, start.loop(), unit + " " + start.loop() + "  adjust");
        }
        double adjustSeconds = (System.nanoTime() - adjustStart) / 1e9;
        double adjustCpuSeconds = tables.cpu().seconds() - adjustCpuStart;

        LoopRecord record = measure(start.loop(), model, masks, choice.sigma(), choice.generations(),
                choice.evaluations(), choice.searchVector(), choice.thresholds().byLayer(), choice.bestFitness(),
                start.score().accuracy(), choice.best().accuracy(), choice.searchSeconds(), adjustSeconds,
                choice.feasibleFound(), false);
        tables.loop(record, testBeforeAdjust, choice.searchCpuSeconds(), adjustCpuSeconds);
        return record;
    }

    /**
     * With {@code prune.final-adjust-iterations} K &gt; 0: K fixed-mask iterations on the last loop's masks with the
     * {@code adjust-solver} policy, recorded as one more loop ({@link LoopRecord#finalRetraining()}) whose model
     * is a candidate for delivery, and written to the run tables. Not checkpointed on its own: a run killed
     * during it resumes the last loop, which comes out the same. Empty when K is 0, there was no loop, or it was
     * done already.
     */
    public Optional<LoopRecord> finalRetraining(CheckpointedRun run) throws IOException {
        PruneSettings prune = settings.prune();
        int k = prune.finalAdjustIterations();
        List<LoopRecord> finished = run.finishedLoops();
        if (k == 0 || finished.isEmpty() || finished.get(finished.size() - 1).finalRetraining()) {
            return Optional.empty();
        }
        LoopRecord last = finished.get(finished.size() - 1);
        int loop = last.loop() + 1;
        log.accept(String.format("final retraining: %,d fixed-mask iterations (%s solver) on the last loop's masks",
                k, prune.adjustSolver().key()));
        double cpuStart = tables.cpu().seconds();
        long start = System.nanoTime();
        adjust(prune.forFinalRetraining(), run.model(), run.masks(), LayerThresholds.none(run.masks().byLayer().keySet()),
                loop, "final retraining");
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> zeros = new java.util.LinkedHashMap<>();
        LayerWeights.sizes(run.model()).keySet().forEach(name -> zeros.put(name, 0.0));
        LoopRecord record = measure(loop, run.model(), run.masks(), 0, 0, 0, List.of(), zeros, last.bestFitness(),
                last.validationAccuracy(), last.validationAccuracy(), 0, seconds, true, true);
        run.loopDone(record);
        tables.loop(record, last.testAccuracy(), 0, tables.cpu().seconds() - cpuStart);
        return Optional.of(record);
    }

    private void adjust(PruneSettings prune, MultiLayerNetwork model, LayerMasks masks, LayerThresholds boundaries,
                        int loop, String progressLabel) {
        int k = prune.adjustIterations();
        new Adjuster(prune, settings.train().batchSize(), settings.train().fastStep()).adjust(model, masks, boundaries,
                splits.train(), settings.seeds().adjustBatchOrder(loop), done -> {
                    if (done % Math.max(1, k / 4) == 0 && done < k) {
                        log.accept(String.format("%s %,d/%,d", progressLabel, done, k));
                    }
                });
    }

    /** The loop's end model W * M measured on validation and test, as the loop's record. */
    private LoopRecord measure(int loop, MultiLayerNetwork model, LayerMasks masks, double sigma, int generations,
                               long evaluations, List<Double> searchVector, Map<String, Double> thresholds,
                               double bestFitness, double loopStartAccuracy, double searchAccuracy,
                               double searchSeconds, double adjustSeconds, boolean feasibleFound,
                               boolean finalRetraining) {
        MultiLayerNetwork effective = MagnitudePruner.prunedCopy(model, masks);
        Accuracy.Count validation = Accuracy.count(effective, splits.validation(), log);
        Accuracy.Count test = Accuracy.count(effective, splits.test(), log);
        Map<String, Long> kept = LayerWeights.nonZero(effective);
        return new LoopRecord(loop, sigma, generations, evaluations, searchVector, thresholds, bestFitness,
                loopStartAccuracy, searchAccuracy, kept, LayerWeights.sizes(model), validation.fraction(),
                test.fraction(), searchSeconds, adjustSeconds, kept.values().stream().anyMatch(v -> v == 0),
                feasibleFound, finalRetraining);
    }
}
