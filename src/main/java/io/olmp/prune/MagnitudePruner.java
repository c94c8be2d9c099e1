package io.olmp.prune;

import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * h(W, e) = W * [|W| &gt;= e] per layer (algorithm.md section 1), on the effective weights W * M:
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

    /** Sets W := W * M in place on every prunable layer (the final model of a loop). */
    public static void applyInPlace(MultiLayerNetwork net, LayerMasks masks) {
        masks.byLayer().forEach((name, m) -> net.getLayer(name).getParam(LayerWeights.WEIGHT_KEY).muli(m));
    }
}
