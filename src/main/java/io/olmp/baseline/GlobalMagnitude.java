package io.olmp.baseline;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.WeightMagnitudes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Global magnitude pruning: one threshold over all layers, keeping the largest weights wherever they are. */
public final class GlobalMagnitude implements BaselineMethod {

    @Override
    public String name() {
        return "global";
    }

    @Override
    public Allocation on(WeightMagnitudes magnitudes) {
        float[] all = new float[(int) magnitudes.totalSize()];
        int at = 0;
        for (String layer : magnitudes.layers()) {
            float[] sorted = magnitudes.sortedCopy(layer);
            System.arraycopy(sorted, 0, all, at, sorted.length);
            at += sorted.length;
        }
        Arrays.sort(all);
        long nonZero = all.length - zeros(all);
        return target -> {
            double e = target >= nonZero ? 0 : target <= 0 ? Double.POSITIVE_INFINITY : all[(int) (all.length - target)];
            Map<String, Double> thresholds = new LinkedHashMap<>();
            magnitudes.layers().forEach(layer -> thresholds.put(layer, e));
            return new LayerThresholds(thresholds);
        };
    }

    private static int zeros(float[] sorted) {
        int n = 0;
        while (n < sorted.length && sorted[n] == 0) {
            n++;
        }
        return n;
    }
}
