package io.olmp.pipeline;

import io.olmp.prune.CandidateResult;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.Objective;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.ThresholdCodec;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.Score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The search's view of a pruning loop: decode each candidate to thresholds, count correct
 * validation predictions of the whole generation at once (in this JVM or on Spark executors),
 * and turn the counts into the constrained objective. A candidate that could not be scored comes
 * back failed with its message (the search scores it +infinity). Keeps the last generation's
 * per-candidate results for progress lines and records.
 */
public abstract class ThresholdEvaluator implements BatchEvaluator, AutoCloseable {

    private final ThresholdCodec codec;
    private final WeightMagnitudes magnitudes;
    private Objective objective;
    private List<CandidateResult> lastResults = List.of();
    private List<double[]> lastCandidates = List.of();
    private List<LayerThresholds> lastThresholds = List.of();
    private List<Score> lastScores = List.of();

    protected ThresholdEvaluator(ThresholdCodec codec, WeightMagnitudes magnitudes) {
        this.codec = codec;
        this.magnitudes = magnitudes;
    }

    /** Correct predictions per candidate over the whole validation split. */
    protected abstract ShardCounts counts(List<LayerThresholds> candidates);

    /** The raw counts of a list of threshold sets (benchmarks, tests). */
    public ShardCounts countsOf(List<LayerThresholds> candidates) {
        return counts(candidates);
    }

    public void setObjective(Objective objective) {
        this.objective = objective;
    }

    /** The constraint candidates are scored against (null until set). */
    public Objective objective() {
        return objective;
    }

    /** Scores one threshold set (e.g. the loop-start model or the best candidate); failures throw. */
    public CandidateResult scoreOne(LayerThresholds thresholds) {
        ShardCounts counts = counts(List.of(thresholds));
        if (counts.failures()[0] != null) {
            throw new IllegalStateException("scoring failed: " + counts.failures()[0]);
        }
        return CandidateScorer.result(magnitudes, thresholds, counts.correct()[0], counts.total());
    }

    @Override
    public List<Score> evaluate(List<double[]> candidates) {
        if (objective == null) {
            throw new IllegalStateException("set the objective before evaluating candidates");
        }
        List<LayerThresholds> thresholds = new ArrayList<>(candidates.size());
        for (double[] x : candidates) {
            thresholds.add(codec.decode(x));
        }
        ShardCounts counts = counts(thresholds);
        List<CandidateResult> results = new ArrayList<>(candidates.size());
        List<Score> scores = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            if (counts.failures()[c] != null) {
                results.add(null);
                scores.add(Score.failed(counts.failures()[c]));
            } else {
                CandidateResult r = CandidateScorer.result(magnitudes, thresholds.get(c), counts.correct()[c], counts.total());
                results.add(r);
                scores.add(Score.of(objective.value(r.keptFraction(), r.correct())));
            }
        }
        lastResults = Collections.unmodifiableList(results);
        lastCandidates = candidates.stream().map(double[]::clone).toList();
        lastThresholds = List.copyOf(thresholds);
        lastScores = List.copyOf(scores);
        return scores;
    }

    /** Per candidate of the last generation, in order; null where scoring failed. */
    public List<CandidateResult> lastResults() {
        return lastResults;
    }

    /** The search vectors of the last generation, in order. */
    public List<double[]> lastCandidates() {
        return lastCandidates.stream().map(double[]::clone).toList();
    }

    /** The thresholds the last generation's candidates decoded to, in order. */
    public List<LayerThresholds> lastThresholds() {
        return lastThresholds;
    }

    /** The last generation's scores, in order (failed ones carry their message). */
    public List<Score> lastScores() {
        return lastScores;
    }

    @Override
    public void close() {}
}
