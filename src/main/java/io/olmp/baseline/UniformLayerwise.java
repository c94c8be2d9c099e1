package io.olmp.baseline;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.WeightMagnitudes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uniform layer-wise magnitude pruning: every layer keeps the same fraction of its size,
 * round(target / total * size) weights, its largest ones (a layer cannot get back weights it has
 * lost, so it keeps fewer when it has fewer left).
 */
public final class UniformLayerwise implements BaselineMethod {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Allocation on(WeightMagnitudes magnitudes) {
        Map<String, float[]> sorted = new LinkedHashMap<>();
        magnitudes.layers().forEach(layer -> sorted.put(layer, magnitudes.sortedCopy(layer)));
        double total = magnitudes.totalSize();
        return target -> {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            sorted.forEach((layer, s) -> {
                long keep = Math.round(target / total * s.length);
                double e = keep >= s.length ? 0 : keep <= 0 ? Double.POSITIVE_INFINITY : s[(int) (s.length - keep)];
                thresholds.put(layer, e);
            });
            return new LayerThresholds(thresholds);
        };
    }
}
