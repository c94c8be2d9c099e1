package io.olmp.kernel.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a DL4J network into {@link TrainingStage}s, or says why it cannot: only what the fast step
 * computes exactly like DL4J is accepted (valid stride-1-or-more convolutions without dilation,
 * max pooling, dense layers, identity/ReLU, a softmax + MCXENT output, float parameters, no
 * dropout or weight noise, NCHW data, the standard preprocessors).
 */
final class StagePlanner {

    /** The stages and the parameter blocks they write, in layer order. */
    record Plan(List<TrainingStage> stages, List<String> stageNames, List<WeightedParams> params, int inputChannels,
                int inputHeight, int inputWidth, int numClasses) {

        /** Floats per example of the input: channels x height x width. */
        int inputLength() {
            return inputChannels * inputHeight * inputWidth;
        }
    }

    private StagePlanner() {}

    static Plan plan(MultiLayerNetwork net) {
        return plan(net, false);
    }

    /**
     * @param ownGradients give the stages their own gradient arrays instead of views into the
     *                     network's (for a second half-batch, whose gradient is added afterwards)
     */
    static Plan plan(MultiLayerNetwork net, boolean ownGradients) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        // Java-array activations and direct host-buffer copies: CPU backend only (on CUDA, DL4J's fit is used)
        require(org.nd4j.linalg.factory.Nd4j.getEnvironment().isCPU(), "ND4J backend is not the CPU backend");
        require(conf.getBackpropType() == BackpropType.Standard, "backprop type " + conf.getBackpropType());
        require(net.params().dataType() == DataType.FLOAT, "parameters of type " + net.params().dataType());
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        Layer[] layers = net.getLayers();
        require(layers.length >= 1, "no layers");
        List<TrainingStage> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<WeightedParams> params = new ArrayList<>();
        int channels;
        int height;
        int width;
        boolean images;
        if (conf.getConf(0).getLayer() instanceof ConvolutionLayer) {
            InputPreProcessor first = conf.getInputPreProcess(0);
            require(first instanceof FeedForwardToCnnPreProcessor, "a first convolution without a flat-input preprocessor");
            FeedForwardToCnnPreProcessor toCnn = (FeedForwardToCnnPreProcessor) first;
            channels = (int) toCnn.getNumChannels();
            height = (int) toCnn.getInputHeight();
            width = (int) toCnn.getInputWidth();
            images = true;
        } else {
            require(conf.getInputPreProcess(0) == null, "a preprocessor before layer 0");
            channels = 1;
            height = 1;
            width = (int) ((DenseLayer) requireType(conf.getConf(0).getLayer(), DenseLayer.class, 0)).getNIn();
            images = false;
        }
        int inputChannels = channels;
        int inputHeight = height;
        int inputWidth = width;
        int features = channels * height * width;
        int numClasses = -1;
        for (int i = 0; i < layers.length; i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = conf.getConf(i).getLayer();
            String where = "layer " + i + " (" + layer.getLayerName() + ")";
            InputPreProcessor pre = conf.getInputPreProcess(i);
            require(layer.getIDropout() == null, where + " has dropout");
            if (layer.getClass() == ConvolutionLayer.class || layer.getClass() == SubsamplingLayer.class) {
                require(images, where + " is a convolution or pooling after a dense layer");
                require(i == 0 || pre == null, where + " has a preprocessor");
            }
            if (layer.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer c = (ConvolutionLayer) layer;
                requireSpatial(where, c.getConvolutionMode(), c.getPadding(), c.getDilation(), c.getCnn2dDataFormat());
                require(c.hasBias(), where + " has no bias");
                require(c.getNIn() == channels, where + " expects " + c.getNIn() + " channels, gets " + channels);
                boolean relu = activation(where, c.getActivationFn());
                requireNoNoise(where, c);
                NhwcIm2col geometry = new NhwcIm2col(height, width, channels, c.getKernelSize()[0], c.getKernelSize()[1],
                        c.getStride()[0], c.getStride()[1]);
                WeightedParams p = weighted(net, i, ownGradients);
                stages.add(new ConvStage(geometry, (int) c.getNOut(), relu, p));
                names.add(layer.getLayerName() + " (convolution)");
                params.add(p);
                height = geometry.outH();
                width = geometry.outW();
                channels = (int) c.getNOut();
            } else if (layer.getClass() == SubsamplingLayer.class) {
                SubsamplingLayer s = (SubsamplingLayer) layer;
                require(s.getPoolingType() == PoolingType.MAX, where + " pools with " + s.getPoolingType());
                requireSpatial(where, s.getConvolutionMode(), s.getPadding(), s.getDilation(), s.getCnn2dDataFormat());
                NhwcMaxPool pool = new NhwcMaxPool(height, width, channels, s.getKernelSize()[0], s.getKernelSize()[1],
                        s.getStride()[0], s.getStride()[1]);
                stages.add(new PoolStage(pool));
                names.add(layer.getLayerName() + " (max pooling)");
                height = pool.outH();
                width = pool.outW();
            } else if (layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class) {
                if (images) {
                    require(pre instanceof CnnToFeedForwardPreProcessor, where + " follows images without the flattening preprocessor");
                    CnnToFeedForwardPreProcessor flat = (CnnToFeedForwardPreProcessor) pre;
                    require(flat.getFormat() == CNN2DFormat.NCHW, where + " flattens " + flat.getFormat());
                    stages.add(new FlattenStage(height, width, channels));
                    names.add("flatten");
                    features = height * width * channels;
                    images = false;
                } else {
                    require(pre == null, where + " has a preprocessor");
                    features = height * width * channels;
                }
                org.deeplearning4j.nn.conf.layers.FeedForwardLayer dense = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer;
                require(dense.getNIn() == features, where + " expects " + dense.getNIn() + " inputs, gets " + features);
                requireNoNoise(where, (BaseLayer) layer);
                require(layer instanceof DenseLayer d ? d.hasBias() : ((OutputLayer) layer).hasBias(), where + " has no bias");
                boolean relu;
                if (layer instanceof OutputLayer out) {
                    require(i == layers.length - 1, where + " is an output layer before the last layer");
                    require(out.getActivationFn() instanceof ActivationSoftmax, where + " activation " + out.getActivationFn());
                    require(out.getLossFn() instanceof LossMCXENT mc && mc.getWeights() == null,
                            where + " loss " + out.getLossFn() + " (only unweighted MCXENT)");
                    relu = false;
                    numClasses = (int) out.getNOut();
                } else {
                    require(!((DenseLayer) layer).hasLayerNorm(),
                            where + " has layer normalisation");
                    relu = activation(where, dense.getActivationFn());
                }
                WeightedParams p = weighted(net, i, ownGradients);
                stages.add(new DenseStage((int) dense.getNIn(), (int) dense.getNOut(), relu, p));
                names.add(layer.getLayerName() + " (dense)");
                params.add(p);
                height = 1;
                width = 1;
                channels = (int) dense.getNOut();
            } else {
                throw new UnsupportedNetworkException(where + " is a " + layer.getClass().getSimpleName());
            }
        }
        require(numClasses > 0, "the last layer is not a softmax output layer");
        return new Plan(List.copyOf(stages), List.copyOf(names), List.copyOf(params), inputChannels, inputHeight, inputWidth, numClasses);
    }

    private static WeightedParams weighted(MultiLayerNetwork net, int index, boolean ownGradients) {
        Layer layer = net.getLayer(index);
        Map<String, INDArray> gradients = layer.conf().getLayer().initializer()
                .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
        require(gradients.keySet().equals(java.util.Set.of("W", "b")), "layer " + index + " has parameters " + gradients.keySet());
        INDArray w = gradients.get("W");
        INDArray b = gradients.get("b");
        return new WeightedParams(layer.conf().getLayer().getLayerName(), layer.getParam("W"), layer.getParam("b"),
                ownGradients ? w.ulike() : w, ownGradients ? b.ulike() : b);
    }

    private static boolean activation(String where, IActivation activation) {
        if (activation instanceof ActivationReLU relu) {
            require(relu.getMax() == null && isZeroOrUnset(relu.getThreshold())
                    && isZeroOrUnset(relu.getNegativeSlope()),
                    where + " uses a parametrised ReLU");
            return true;
        }
        require(activation instanceof ActivationIdentity, where + " activation " + activation);
        return false;
    }

    private static boolean isZeroOrUnset(Double value) {
        return value == null || value == 0.0;
    }

    private static void requireNoNoise(String where, BaseLayer layer) {
        require(layer.getWeightNoise() == null, where + " has weight noise attached (pass masks to the fast step instead)");
    }

    private static void requireSpatial(String where, ConvolutionMode mode, int[] padding, int[] dilation, CNN2DFormat format) {
        require(mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict, where + " convolution mode " + mode);
        require(Arrays.equals(padding, new int[] {0, 0}), where + " padding " + Arrays.toString(padding));
        require(Arrays.equals(dilation, new int[] {1, 1}), where + " dilation " + Arrays.toString(dilation));
        require(format == CNN2DFormat.NCHW, where + " data format " + format);
    }

    private static <T> T requireType(Object value, Class<T> type, int index) {
        require(type.isInstance(value), "layer " + index + " is a " + value.getClass().getSimpleName());
        return type.cast(value);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new UnsupportedNetworkException(reason);
        }
    }
}
