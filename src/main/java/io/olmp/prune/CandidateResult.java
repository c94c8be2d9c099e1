package io.olmp.prune;

import java.util.Map;

/**
 * One candidate scored on some data: integer counts (summable across shards) and the weights its
 * thresholds keep.
 *
 * @param disconnected true when some layer keeps no weight at all (the network is cut; it is
 *                     still scored normally, and flagged in the records)
 */
public record CandidateResult(long correct, long total, Map<String, Long> keptByLayer, long totalWeights,
                              boolean disconnected) {

    public long kept() {
        return keptByLayer.values().stream().mapToLong(Long::longValue).sum();
    }

    public double keptFraction() {
        return totalWeights == 0 ? 0 : (double) kept() / totalWeights;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }
}
