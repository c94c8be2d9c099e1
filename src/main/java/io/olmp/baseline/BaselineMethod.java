package io.olmp.baseline;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.WeightMagnitudes;

import java.util.List;

/**
 * A rule that spreads a number of kept weights over the layers: given the current effective
 * magnitudes |W * M|, it returns per-layer magnitude thresholds that keep (about, up to ties)
 * that many weights. Weights pruned already stay pruned whatever the thresholds.
 */
public interface BaselineMethod {

    List<String> NAMES = List.of("global", "uniform", "lamp");

    String name();

    /** Prepares the rule on this step's magnitudes (sorting, scores), once per step. */
    Allocation on(WeightMagnitudes magnitudes);

    /** Thresholds for any target size, on the magnitudes it was prepared on. */
    @FunctionalInterface
    interface Allocation {
        /** @param targetKept weights to keep in all layers together, >= 1 */
        LayerThresholds keeping(long targetKept);
    }

    static BaselineMethod byName(String name) {
        return switch (name) {
            case "global" -> new GlobalMagnitude();
            case "uniform" -> new UniformLayerwise();
            case "lamp" -> new LampScores();
            default -> throw new IllegalArgumentException("unknown baseline method '" + name + "'; expected one of "
                    + String.join(" | ", NAMES));
        };
    }
}
