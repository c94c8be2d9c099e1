package io.olmp.export;

import io.olmp.config.SettingsLoader;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pruned network as the CSR file holds it: the architecture name and input shape (enough to
 * rebuild the layers without parameters, e.g. pooling, from {@link Architectures}) and every
 * layer with parameters as sparse weights plus dense bias.
 *
 * <p>Inference ({@link #toNetwork}) densifies the weights into a freshly built DL4J network of
 * that architecture; it needs nothing but the file and this code.
 *
 * @param input for a convolutional network the C x H x W the first layer reads; a fully connected
 *              one reads a flat vector and is recorded as 1 x 1 x n
 */
public record SparseModel(String architecture, InputShape input, List<SparseLayer> layers) {

    private static final String WEIGHT = "W";
    private static final String BIAS = "b";

    public SparseModel {
        if (!Architectures.NAMES.contains(architecture)) {
            throw new IllegalArgumentException("architecture must be one of " + Architectures.NAMES + ", got '"
                    + architecture + "'");
        }
        layers = List.copyOf(layers);
    }

    /** The network's parameters, zeros dropped. Every layer with parameters must have exactly W and b. */
    public static SparseModel of(String architecture, MultiLayerNetwork net) {
        List<SparseLayer> layers = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            Map<String, INDArray> params = layer.paramTable();
            if (params.isEmpty()) {
                continue;
            }
            String name = layer.conf().getLayer().getLayerName();
            if (!params.keySet().equals(Set.of(WEIGHT, BIAS))) {
                throw new IllegalArgumentException("layer " + name + ": only layers with parameters W and b can be"
                        + " exported, it has " + params.keySet());
            }
            INDArray w = params.get(WEIGHT).castTo(DataType.FLOAT);
            float[] bias = Nd4j.toFlattened('c', params.get(BIAS).castTo(DataType.FLOAT)).toFloatVector();
            if (layer.conf().getLayer() instanceof ConvolutionLayer) {
                int out = (int) w.size(0);
                int rest = (int) (w.length() / out);
                float[] rowMajor = Nd4j.toFlattened('c', w).toFloatVector();
                layers.add(new SparseLayer(name, SparseLayer.CONV, w.shape(), CsrMatrix.fromDense(rowMajor, out, rest), bias));
            } else if (layer.conf().getLayer() instanceof FeedForwardLayer && w.rank() == 2) {
                // DL4J's dense W is [nIn, nOut]; one CSR row per output unit makes y = W^T x a row-wise product
                float[] rowMajor = Nd4j.toFlattened('c', w.transpose()).toFloatVector();
                layers.add(new SparseLayer(name, SparseLayer.DENSE, w.shape(),
                        CsrMatrix.fromDense(rowMajor, (int) w.size(1), (int) w.size(0)), bias));
            } else {
                throw new IllegalArgumentException("layer " + name + ": cannot export layer type "
                        + layer.conf().getLayer().getClass().getSimpleName());
            }
        }
        return new SparseModel(architecture, inputShape(net), layers);
    }

    private static InputShape inputShape(MultiLayerNetwork net) {
        InputPreProcessor first = net.getLayerWiseConfigurations().getInputPreProcess(0);
        Layer last = net.getLayers()[net.getLayers().length - 1];
        int classes = (int) ((FeedForwardLayer) last.conf().getLayer()).getNOut();
        if (first instanceof FeedForwardToCnnPreProcessor cnn) {
            return new InputShape((int) cnn.getNumChannels(), (int) cnn.getInputHeight(), (int) cnn.getInputWidth(), classes);
        }
        int nIn = (int) ((FeedForwardLayer) net.getLayers()[0].conf().getLayer()).getNIn();
        return new InputShape(1, 1, nIn, classes);
    }

    /**
     * A DL4J network of the architecture with the stored weights (zeros where none is stored),
     * for inference. Fails if the file's layers do not match what the architecture builds.
     */
    public MultiLayerNetwork toNetwork() {
        MultiLayerNetwork net = Architectures.build(architecture, input, SettingsLoader.defaults().train(), 0);
        List<String> withParams = Arrays.stream(net.getLayers()).filter(l -> !l.paramTable().isEmpty())
                .map(l -> l.conf().getLayer().getLayerName()).toList();
        List<String> stored = layers.stream().map(SparseLayer::name).toList();
        if (!withParams.equals(stored)) {
            throw new IllegalArgumentException(architecture + " has the layers with parameters " + withParams
                    + " but the file stores " + stored);
        }
        for (SparseLayer layer : layers) {
            Layer target = net.getLayer(layer.name());
            INDArray w = target.getParam(WEIGHT);
            if (!Arrays.equals(w.shape(), layer.weightShape())) {
                throw new IllegalArgumentException("layer " + layer.name() + ": " + architecture + " builds W of shape "
                        + Arrays.toString(w.shape()) + " but the file stores " + Arrays.toString(layer.weightShape()));
            }
            CsrMatrix m = layer.weights();
            INDArray rows = Nd4j.create(m.toDense(), new long[] {m.rows(), m.cols()}, 'c');
            w.assign(layer.kind().equals(SparseLayer.DENSE) ? rows.transpose() : rows.reshape('c', layer.weightShape()));
            target.getParam(BIAS).assign(Nd4j.create(layer.bias(), target.getParam(BIAS).shape(), 'c'));
        }
        return net;
    }

    /** Weights of all layers (the pruning universe, biases excluded). */
    public long weights() {
        return layers.stream().mapToLong(SparseLayer::size).sum();
    }

    /** Non-zero weights. */
    public long kept() {
        return layers.stream().mapToLong(l -> l.weights().nnz()).sum();
    }

    /** Weights and biases, as a dense model holds them. */
    public long parameters() {
        return weights() + layers.stream().mapToLong(l -> l.bias().length).sum();
    }
}
