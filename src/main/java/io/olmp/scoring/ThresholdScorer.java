package io.olmp.scoring;

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
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores threshold sets on one loop-start model: a {@link ShardCounter} gives the correct predictions, the
 * magnitudes give the weights each set keeps. For the search, {@link #evaluator} decodes candidates, scores them
 * under an objective and hands each generation to a listener as a {@link ScoredGeneration}. Holds no state
 * between calls.
 */
public final class ThresholdScorer implements AutoCloseable {

    private final ShardCounter counter;
    private final WeightMagnitudes magnitudes;

    public ThresholdScorer(ShardCounter counter, WeightMagnitudes magnitudes) {
        this.counter = counter;
        this.magnitudes = magnitudes;
    }

    /** Scores one threshold set (the loop-start model, the chosen candidate); a failure throws. */
    public CandidateResult scoreOne(LayerThresholds thresholds) {
        ScoredThresholds scored = scoreAll(List.of(thresholds)).get(0);
        if (scored.failed()) {
            throw new IllegalStateException("scoring failed: " + scored.failure());
        }
        return scored.result();
    }

    /** Scores every threshold set in one pass, in order; failures come back as such. */
    public List<ScoredThresholds> scoreAll(List<LayerThresholds> candidates) {
        ShardCounts counts = counter.counts(candidates);
        List<ScoredThresholds> scored = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            LayerThresholds t = candidates.get(c);
            String failure = counts.failures()[c];
            scored.add(failure != null ? new ScoredThresholds(t, null, failure)
                    : new ScoredThresholds(t, CandidateScorer.result(magnitudes, t, counts.correct()[c], counts.total()),
                            null));
        }
        return scored;
    }

    /**
     * The search's view of the loop: decodes each candidate with {@code codec}, scores the generation at once,
     * turns the counts into {@code objective}'s value (a failed candidate comes back failed with its message),
     * and hands the scored generation to {@code listener} before returning its scores.
     */
    public BatchEvaluator evaluator(ThresholdCodec codec, Objective objective, Consumer<ScoredGeneration> listener) {
        return candidates -> {
            List<ScoredThresholds> scored = scoreAll(candidates.stream().map(codec::decode).toList());
            List<Score> scores = scored.stream().map(s -> s.failed() ? Score.failed(s.failure())
                    : Score.of(objective.value(s.result().keptFraction(), s.result().correct()))).toList();
            listener.accept(new ScoredGeneration(objective, candidates, scored, scores));
            return scores;
        };
    }

    @Override
    public void close() {
        counter.close();
    }
}
