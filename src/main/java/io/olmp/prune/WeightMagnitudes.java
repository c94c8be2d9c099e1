package io.olmp.prune;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sorted magnitudes of each layer's effective weights (pruned ones count as 0), taken once
 * per pruning loop: enough to turn percentages into thresholds and to count the weights a
 * threshold keeps without touching the network.
 */
public final class WeightMagnitudes {

    private final Map<String, float[]> sortedByLayer;

    private WeightMagnitudes(Map<String, float[]> sortedByLayer) {
        this.sortedByLayer = Collections.unmodifiableMap(sortedByLayer);
    }

    /** @param effectiveWeights W * M per layer, in layer order */
    public static WeightMagnitudes of(Map<String, INDArray> effectiveWeights) {
        Map<String, float[]> sorted = new LinkedHashMap<>();
        effectiveWeights.forEach((name, w) -> {
            float[] values = w.dup().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.abs(values[i]);
            }
            Arrays.sort(values);
            sorted.put(name, values);
        });
        return new WeightMagnitudes(sorted);
    }

    public Iterable<String> layers() {
        return sortedByLayer.keySet();
    }

    public int layerCount() {
        return sortedByLayer.size();
    }

    public long size(String layer) {
        return sorted(layer).length;
    }

    public long totalSize() {
        return sortedByLayer.values().stream().mapToLong(a -> a.length).sum();
    }

    /**
     * Weights that survive threshold e: |w| &gt;= e and w != 0 (an already pruned weight stays
     * pruned whatever e is).
     */
    public long kept(String layer, double e) {
        float[] s = sorted(layer);
        int firstNonZero = lowerBound(s, Float.MIN_VALUE);
        int firstKept = lowerBound(s, e);
        return s.length - Math.max(firstNonZero, firstKept);
    }

    /** Non-zero weights now. */
    public long nonZero(String layer) {
        return kept(layer, 0);
    }

    /** The current sparsity of a layer in percent: 100 * (1 - nonZero / size). */
    public double sparsityPercent(String layer) {
        return 100.0 * (size(layer) - nonZero(layer)) / size(layer);
    }

    /**
     * The threshold that prunes the p-th percentile: with n weights, the k = round(p/100 * n)
     * smallest magnitudes fall below it (fewer when magnitudes tie); p = 100 prunes everything.
     */
    public double percentile(String layer, double percent) {
        float[] s = sorted(layer);
        long k = Math.round(percent / 100.0 * s.length);
        if (k <= 0) {
            return 0;
        }
        if (k >= s.length) {
            return Double.POSITIVE_INFINITY;
        }
        return s[(int) k];
    }

    /** A layer's magnitudes in ascending order (pruned weights are the leading zeros); a copy. */
    public float[] sortedCopy(String layer) {
        return sorted(layer).clone();
    }

    private float[] sorted(String layer) {
        float[] s = sortedByLayer.get(layer);
        if (s == null) {
            throw new IllegalArgumentException("unknown layer " + layer + "; prunable layers are " + sortedByLayer.keySet());
        }
        return s;
    }

    /** First index whose value is &gt;= key (float comparison against a double threshold). */
    private static int lowerBound(float[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
