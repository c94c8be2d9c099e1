package io.olmp.pipeline;

import io.olmp.data.LabeledImages;
import io.olmp.prune.CandidateResult;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.Objective;
import io.olmp.prune.ThresholdCodec;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.Score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scores a generation in this JVM: decode each candidate to thresholds, count correct
 * predictions of all candidates in one pass over the validation split, and turn counts into the
 * constrained objective. A candidate whose scoring throws is returned as failed with its message
 * (the search scores it +infinity). Keeps the last generation's per-candidate results for
 * progress lines and records.
 */
public final class LocalEvaluator implements BatchEvaluator {

    private final CandidateScorer scorer;
    private final ThresholdCodec codec;
    private final Objective objective;
    private final LabeledImages validation;
    private List<CandidateResult> lastResults = List.of();

    public LocalEvaluator(CandidateScorer scorer, ThresholdCodec codec, Objective objective, LabeledImages validation) {
        this.scorer = scorer;
        this.codec = codec;
        this.objective = objective;
        this.validation = validation;
    }

    @Override
    public List<Score> evaluate(List<double[]> candidates) {
        List<LayerThresholds> thresholds = new ArrayList<>(candidates.size());
        for (double[] x : candidates) {
            thresholds.add(codec.decode(x));
        }
        List<CandidateResult> results;
        List<String> failures = new ArrayList<>(Collections.nCopies(candidates.size(), (String) null));
        try {
            results = scorer.score(validation, thresholds);
        } catch (RuntimeException batchFailure) {
            results = new ArrayList<>(candidates.size());
            for (int c = 0; c < thresholds.size(); c++) {
                try {
                    results.add(scorer.score(validation, List.of(thresholds.get(c))).get(0));
                } catch (RuntimeException e) {
                    results.add(null);
                    failures.set(c, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        lastResults = Collections.unmodifiableList(new ArrayList<>(results));
        List<Score> scores = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            CandidateResult r = results.get(c);
            scores.add(r == null ? Score.failed(failures.get(c))
                    : Score.of(objective.value(r.keptFraction(), r.accuracy())));
        }
        return scores;
    }

    /** Per candidate of the last generation, in order; null where scoring failed. */
    public List<CandidateResult> lastResults() {
        return lastResults;
    }
}
