package io.olmp.result;

import java.util.List;
import java.util.Map;

/**
 * What one pruning loop did: search, prune, adjust.
 *
 * @param bestX              the best search vector (percent pruned per layer)
 * @param thresholds         its absolute magnitude thresholds per layer
 * @param keptByLayer        weights kept per layer after adjusting (nnz of W * M)
 * @param sizeByLayer        weights per layer
 * @param searchAccuracy     validation accuracy of the best candidate before adjusting
 * @param disconnected       whether some layer kept no weight
 * @param feasibleFound      whether the search found a candidate meeting the constraint; if
 *                           not, the loop pruned nothing more (thresholds all 0)
 * @param finalRetraining    whether this is the fixed-mask retraining after the last loop
 *                           ({@code prune.final-adjust-iterations}) rather than a loop
 */
public record LoopRecord(
        int loop,
        double sigma,
        int generations,
        long evaluations,
        List<Double> bestX,
        Map<String, Double> thresholds,
        double bestFitness,
        double loopStartValidationAccuracy,
        double searchAccuracy,
        Map<String, Long> keptByLayer,
        Map<String, Long> sizeByLayer,
        double validationAccuracy,
        double testAccuracy,
        double searchSeconds,
        double adjustSeconds,
        boolean disconnected,
        boolean feasibleFound,
        boolean finalRetraining) {

    public long kept() {
        return keptByLayer.values().stream().mapToLong(Long::longValue).sum();
    }

    public long size() {
        return sizeByLayer.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "ip1 97.85%, ip2 43.16%": the percentage of each layer's weights pruned, in layer order. */
    public String sparsityText() {
        return keptByLayer.entrySet().stream()
                .map(e -> String.format("%s %.2f%%", e.getKey(), 100.0 * (1 - (double) e.getValue()
                        / sizeByLayer.get(e.getKey()))))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public double compressionRatio() {
        return kept() == 0 ? Double.POSITIVE_INFINITY : (double) size() / kept();
    }
}
