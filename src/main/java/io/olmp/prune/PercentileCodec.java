package io.olmp.prune;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/method.md, The percentile encoding (ours): x_i in [0, 100] is the percentage of layer i's weights to prune;
 * e_i is the x_i-th percentile of |W_i| (pruned weights count as magnitude 0). So the paper's
 * sigma of 5, then 0.5, moves a layer's pruning by about 5, then 0.5, percentage points.
 */
public final class PercentileCodec implements ThresholdCodec {

    private final WeightMagnitudes magnitudes;
    private final String[] layers;

    public PercentileCodec(WeightMagnitudes magnitudes) {
        this.magnitudes = magnitudes;
        this.layers = toArray(magnitudes);
    }

    private static String[] toArray(WeightMagnitudes magnitudes) {
        java.util.List<String> names = new java.util.ArrayList<>();
        magnitudes.layers().forEach(names::add);
        return names.toArray(String[]::new);
    }

    @Override
    public double[] lowerBounds() {
        return new double[layers.length];
    }

    @Override
    public double[] upperBounds() {
        double[] ub = new double[layers.length];
        Arrays.fill(ub, 100.0);
        return ub;
    }

    /** Per layer, the current sparsity in percent: the initial population is drawn above it. */
    public double[] currentSparsityPercent() {
        double[] s = new double[layers.length];
        for (int i = 0; i < layers.length; i++) {
            s[i] = Math.min(magnitudes.sparsityPercent(layers[i]), 100.0);
        }
        return s;
    }

    @Override
    public LayerThresholds decode(double[] x) {
        if (x.length != layers.length) {
            throw new IllegalArgumentException("candidate has " + x.length + " coordinates, the network has "
                    + layers.length + " prunable layers " + Arrays.toString(layers));
        }
        Map<String, Double> e = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            e.put(layers[i], magnitudes.percentile(layers[i], x[i]));
        }
        return new LayerThresholds(e);
    }
}
