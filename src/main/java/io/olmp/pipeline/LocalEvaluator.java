package io.olmp.pipeline;

import io.olmp.data.LabeledImages;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.ThresholdCodec;
import io.olmp.prune.WeightMagnitudes;

import java.util.List;

/** Scores every generation in this JVM with one {@link CandidateScorer} over the validation split. */
public final class LocalEvaluator extends ThresholdEvaluator {

    private final CandidateScorer scorer;
    private final LabeledImages validation;

    public LocalEvaluator(CandidateScorer scorer, ThresholdCodec codec, WeightMagnitudes magnitudes,
                          LabeledImages validation) {
        super(codec, magnitudes);
        this.scorer = scorer;
        this.validation = validation;
    }

    @Override
    protected ShardCounts counts(List<LayerThresholds> candidates) {
        return scorer.counts(validation, candidates);
    }
}
