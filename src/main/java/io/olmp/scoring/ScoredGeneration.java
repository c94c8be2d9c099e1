package io.olmp.scoring;

import io.olmp.prune.CandidateResult;
import io.olmp.prune.Objective;
import io.olmp.search.Score;

import java.util.List;

/**
 * One generation as the search saw it, handed to the generation's listener: per candidate, in order, its
 * search vector, its thresholds with their counts, and its score under {@code objective}.
 */
public record ScoredGeneration(Objective objective, List<double[]> candidates, List<ScoredThresholds> scored,
                               List<Score> scores) {

    public ScoredGeneration {
        candidates = candidates.stream().map(double[]::clone).toList();
        scored = List.copyOf(scored);
        scores = List.copyOf(scores);
    }

    /** The candidates' search vectors (copies). */
    @Override
    public List<double[]> candidates() {
        return candidates.stream().map(double[]::clone).toList();
    }

    /** How many candidates were scored with a layer left without any weight. */
    public long disconnected() {
        return scored.stream().filter(s -> !s.failed() && s.result().disconnected()).count();
    }

    /** Candidate {@code k}'s result, or null where it failed. */
    public CandidateResult result(int k) {
        return scored.get(k).result();
    }
}
