package io.olmp.prune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Absolute magnitude thresholds e_i by layer name, in the network's layer order: a weight of
 * layer i is pruned when |w| &lt; e_i.
 */
public record LayerThresholds(Map<String, Double> byLayer) {

    public LayerThresholds {
        byLayer.forEach((name, e) -> {
            if (e == null || Double.isNaN(e) || e < 0) {
                throw new IllegalArgumentException("threshold of layer " + name + " must be >= 0, got " + e);
            }
        });
        byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
    }

    /** Threshold 0 on every layer: prunes nothing beyond what is already pruned. */
    public static LayerThresholds none(Iterable<String> layers) {
        Map<String, Double> zero = new LinkedHashMap<>();
        layers.forEach(name -> zero.put(name, 0.0));
        return new LayerThresholds(zero);
    }

    public double of(String layer) {
        Double e = byLayer.get(layer);
        if (e == null) {
            throw new IllegalArgumentException("no threshold for layer " + layer + "; have " + byLayer.keySet());
        }
        return e;
    }
}
