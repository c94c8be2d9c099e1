package io.olmp.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiply-accumulates of one image's dense forward pass, per weight layer: a dense layer does
 * {@code nIn x nOut}, a convolution {@code weights x output positions} (out height x out width). Pooling,
 * activations and normalisation are not counted. Throughput targets count 2 floating-point operations per
 * multiply-accumulate, whatever the masks prune.
 */
public final class ForwardCost {

    private ForwardCost() {}

    public static Map<String, Long> macsPerImageByLayer(MultiLayerNetwork net, InputShape input) {
        List<org.deeplearning4j.nn.conf.NeuralNetConfiguration> confs = net.getLayerWiseConfigurations().getConfs();
        boolean convolutional = confs.get(0).getLayer() instanceof ConvolutionLayer;
        InputType type = convolutional
                ? InputType.convolutionalFlat(input.height(), input.width(), input.channels())
                : InputType.feedForward(input.featureLength());
        List<InputType> outputs = net.getLayerWiseConfigurations().getLayerActivationTypes(type);
        Map<String, Long> macs = new LinkedHashMap<>();
        for (int i = 0; i < confs.size(); i++) {
            Layer layer = confs.get(i).getLayer();
            if (!net.getLayer(i).paramTable().containsKey(LayerWeights.WEIGHT_KEY)) {
                continue;
            }
            long weights = net.getLayer(i).getParam(LayerWeights.WEIGHT_KEY).length();
            long positions = outputs.get(i) instanceof InputType.InputTypeConvolutional c ? c.getHeight() * c.getWidth() : 1;
            macs.put(layer.getLayerName(), weights * positions);
        }
        return macs;
    }

    public static long macsPerImage(MultiLayerNetwork net, InputShape input) {
        return macsPerImageByLayer(net, input).values().stream().mapToLong(Long::longValue).sum();
    }
}
