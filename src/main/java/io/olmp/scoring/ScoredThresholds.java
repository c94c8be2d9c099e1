package io.olmp.scoring;

import io.olmp.prune.CandidateResult;
import io.olmp.prune.LayerThresholds;

/**
 * One threshold set and what scoring it gave: its result, or why it could not be scored.
 *
 * @param result  null when the candidate failed
 * @param failure null when it was scored
 */
public record ScoredThresholds(LayerThresholds thresholds, CandidateResult result, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
