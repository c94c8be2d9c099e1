package io.olmp.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.LinkedHashMap;
import java.util.Map;

/** The prunable layers of a network: those with a weight parameter "W", by layer name, in order. */
public final class LayerWeights {

    public static final String WEIGHT_KEY = "W";

    private LayerWeights() {}

    public static Map<String, Long> sizes(MultiLayerNetwork net) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Layer layer : net.getLayers()) {
            if (layer.paramTable().containsKey(WEIGHT_KEY)) {
                sizes.put(layer.conf().getLayer().getLayerName(), layer.getParam(WEIGHT_KEY).length());
            }
        }
        return sizes;
    }

    public static long total(MultiLayerNetwork net) {
        return sizes(net).values().stream().mapToLong(Long::longValue).sum();
    }
}
