package io.olmp.baseline;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.WeightMagnitudes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LAMP (Lee, Park, Mo, Shin: "Layer-adaptive sparsity for the magnitude-based pruning", ICLR
 * 2021): with a layer's weights sorted by magnitude, |w_1| &lt;= ... &lt;= |w_n|, weight u scores
 * w_u^2 / sum_{v &gt;= u} w_v^2, and the weights with the globally smallest scores are pruned.
 * Within a layer the score never decreases along the sorted order, so the kept set of a layer
 * is a magnitude threshold; the largest weight of every layer scores 1, so no layer is ever
 * emptied. Pruned weights (zeros) take no part.
 */
public final class LampScores implements BaselineMethod {

    @Override
    public String name() {
        return "lamp";
    }

    @Override
    public Allocation on(WeightMagnitudes magnitudes) {
        Map<String, float[]> sorted = new LinkedHashMap<>();
        Map<String, double[]> scores = new LinkedHashMap<>();
        int nonZero = 0;
        for (String layer : magnitudes.layers()) {
            float[] s = magnitudes.sortedCopy(layer);
            sorted.put(layer, s);
            double[] score = scores(s);
            scores.put(layer, score);
            nonZero += score.length;
        }
        double[] all = new double[nonZero];
        int at = 0;
        for (double[] score : scores.values()) {
            System.arraycopy(score, 0, all, at, score.length);
            at += score.length;
        }
        Arrays.sort(all);
        return target -> {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            if (target >= all.length) {
                sorted.keySet().forEach(layer -> thresholds.put(layer, 0.0));
                return new LayerThresholds(thresholds);
            }
            double cutoff = target <= 0 ? Double.POSITIVE_INFINITY : all[(int) (all.length - target)];
            sorted.forEach((layer, s) -> {
                double[] score = scores.get(layer);
                int zeros = s.length - score.length;
                int first = firstAtLeast(score, cutoff);
                thresholds.put(layer, first == score.length ? Double.POSITIVE_INFINITY : s[zeros + first]);
            });
            return new LayerThresholds(thresholds);
        };
    }

    /** The LAMP scores of a layer's non-zero magnitudes, in their ascending order. */
    static double[] scores(float[] sortedMagnitudes) {
        int zeros = 0;
        while (zeros < sortedMagnitudes.length && sortedMagnitudes[zeros] == 0) {
            zeros++;
        }
        double[] score = new double[sortedMagnitudes.length - zeros];
        double suffix = 0;
        for (int u = sortedMagnitudes.length - 1; u >= zeros; u--) {
            double square = (double) sortedMagnitudes[u] * sortedMagnitudes[u];
            suffix += square;
            score[u - zeros] = square / suffix;
        }
        return score;
    }

    /** First index whose score is &gt;= cutoff; scores ascend up to rounding, so scan from the top. */
    private static int firstAtLeast(double[] score, double cutoff) {
        int first = score.length;
        while (first > 0 && score[first - 1] >= cutoff) {
            first--;
        }
        return first;
    }
}
