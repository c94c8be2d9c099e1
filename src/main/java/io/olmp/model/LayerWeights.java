package io.olmp.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

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

    /** The weights of each layer that are not 0: those kept, once the masks are applied to W. */
    public static Map<String, Long> nonZero(MultiLayerNetwork net) {
        Map<String, Long> kept = new LinkedHashMap<>();
        sizes(net).keySet().forEach(name -> kept.put(name,
                net.getLayer(name).getParam(WEIGHT_KEY).neq(0).castTo(DataType.INT64).sumNumber().longValue()));
        return kept;
    }

    public static long total(MultiLayerNetwork net) {
        return sizes(net).values().stream().mapToLong(Long::longValue).sum();
    }
}
