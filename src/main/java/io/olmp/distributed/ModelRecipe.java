package io.olmp.distributed;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.Serializable;

/** What crosses the wire for a model: its configuration JSON and flat parameters (dl4j-spark style). */
public record ModelRecipe(String configurationJson, float[] parameters) implements Serializable {

    public static ModelRecipe of(MultiLayerNetwork net) {
        return new ModelRecipe(net.getLayerWiseConfigurations().toJson(),
                net.params().castTo(DataType.FLOAT).data().asFloat());
    }

    public MultiLayerNetwork rebuild() {
        MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configurationJson));
        net.init(Nd4j.createFromArray(parameters).reshape(1, parameters.length), true);
        return net;
    }
}
