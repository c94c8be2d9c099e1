package io.olmp.prune;

import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * h(W, e) = W * [|W| &gt;= e] per layer (docs/method.md, Layer-wise magnitude pruning), on the effective weights W * M:
 * the new mask is M' = [|W * M| &gt;= e] and [W * M != 0], so a weight pruned before stays pruned
 * whatever the threshold.
 */
public final class MagnitudePruner {

    private MagnitudePruner() {}

    /** W * M per prunable layer, as fresh arrays (the network is not modified). */
    public static Map<String, INDArray> effectiveWeights(MultiLayerNetwork net, LayerMasks masks) {
        Map<String, INDArray> effective = new LinkedHashMap<>();
        for (String name : LayerWeights.sizes(net).keySet()) {
            effective.put(name, net.getLayer(name).getParam(LayerWeights.WEIGHT_KEY).mul(masks.of(name)));
        }
        return effective;
    }

    /** The mask thresholds e leave on the given effective weights. */
    public static INDArray mask(INDArray effectiveWeights, double e) {
        INDArray magnitude = Transforms.abs(effectiveWeights, true);
        INDArray kept = magnitude.gte(e).castTo(DataType.FLOAT);
        INDArray nonZero = magnitude.gt(0).castTo(DataType.FLOAT);
        return kept.muli(nonZero).castTo(effectiveWeights.dataType());
    }

    public static LayerMasks masks(Map<String, INDArray> effectiveWeights, LayerThresholds thresholds) {
        Map<String, INDArray> masks = new LinkedHashMap<>();
        effectiveWeights.forEach((name, w) -> masks.put(name, mask(w, thresholds.of(name))));
        return new LayerMasks(masks);
    }

    /**
     * The thresholds DS adjusting refreshes masks against: per layer, e or the smallest magnitude
     * the new mask keeps, whichever is larger. When a candidate prunes no more of a layer than it
     * already has, its percentile threshold is 0, and a splice band of 1.1 * 0 would bring back
     * every pruned weight of the dense W; the smallest kept magnitude is the layer's real boundary
     * (about the previous loop's threshold), so the band stays around it.
     */
    public static LayerThresholds boundaries(Map<String, INDArray> effectiveWeights, LayerMasks masks,
                                             LayerThresholds thresholds) {
        Map<String, Double> boundary = new LinkedHashMap<>();
        effectiveWeights.forEach((name, w) -> {
            double e = thresholds.of(name);
            INDArray keptMagnitudes = Transforms.abs(w, true).muli(masks.of(name));
            // pruned entries are 0 here: lift them above every kept magnitude before taking the minimum
            INDArray lifted = keptMagnitudes.add(masks.of(name).rsub(1).muli(Float.MAX_VALUE / 4));
            double smallestKept = masks.kept(name) == 0 ? e : lifted.minNumber().doubleValue();
            boundary.put(name, Math.max(e, smallestKept));
        });
        return new LayerThresholds(boundary);
    }

    /** Sets W := W * M in place on every prunable layer (the final model of a loop). */
    /** A copy of {@code net} with the effective weights W * M; {@code net} is left as it is. */
    public static MultiLayerNetwork prunedCopy(MultiLayerNetwork net, LayerMasks masks) {
        MultiLayerNetwork copy = net.clone();
        applyInPlace(copy, masks);
        return copy;
    }

    public static void applyInPlace(MultiLayerNetwork net, LayerMasks masks) {
        masks.byLayer().forEach((name, m) -> net.getLayer(name).getParam(LayerWeights.WEIGHT_KEY).muli(m));
    }
}
