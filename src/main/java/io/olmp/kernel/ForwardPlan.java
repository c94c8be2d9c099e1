package io.olmp.kernel;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stages of a network's inference forward pass, read from its DL4J configuration: the input
 * shape, then convolutions, max-pooling, LRN and dense layers; the last stage is the output layer.
 * Anything the kernel does not reproduce exactly is rejected with the layer's name and the rule.
 */
public record ForwardPlan(FeatureShape input, List<ForwardStage> stages) {

    public ForwardPlan {
        stages = Collections.unmodifiableList(new ArrayList<>(stages));
    }

    public static ForwardPlan of(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<ForwardStage> stages = new ArrayList<>();
        FeatureShape input = null;
        FeatureShape current = null; // null while activations are flat
        int flat = -1;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = layer.getLayerName() == null ? "layer " + i : layer.getLayerName();
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre instanceof FeedForwardToCnnPreProcessor ff && i == 0) {
                current = new FeatureShape((int) ff.getNumChannels(), (int) ff.getInputHeight(), (int) ff.getInputWidth());
                input = current;
            } else if (pre instanceof CnnToFeedForwardPreProcessor && current != null) {
                flat = current.size();
                current = null;
            } else if (pre != null) {
                throw unsupported(name, "input preprocessor " + pre.getClass().getSimpleName());
            }
            if (layer instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class) {
                require(current != null, name, "a convolution needs image-shaped input");
                checkConvolution(name, c.getConvolutionMode(), c.getDilation(), c.getCnn2dDataFormat());
                require(c.hasBias(), name, "convolution without bias");
                FeatureShape out = new FeatureShape((int) c.getNOut(),
                        outSize(current.height(), c.getKernelSize()[0], c.getStride()[0], c.getPadding()[0]),
                        outSize(current.width(), c.getKernelSize()[1], c.getStride()[1], c.getPadding()[1]));
                stages.add(new ForwardStage.Conv(name, i, current, out, c.getKernelSize()[0], c.getKernelSize()[1],
                        c.getStride()[0], c.getStride()[1], c.getPadding()[0], c.getPadding()[1],
                        hiddenRelu(name, c.getActivationFn())));
                current = out;
            } else if (layer instanceof SubsamplingLayer s && s.getClass() == SubsamplingLayer.class) {
                require(current != null, name, "pooling needs image-shaped input");
                require(s.getPoolingType() == PoolingType.MAX, name, "only max-pooling, got " + s.getPoolingType());
                require(s.getPadding()[0] == 0 && s.getPadding()[1] == 0, name, "pooling padding must be 0");
                checkConvolution(name, s.getConvolutionMode(), s.getDilation(), s.getCnn2dDataFormat());
                FeatureShape out = new FeatureShape(current.channels(),
                        outSize(current.height(), s.getKernelSize()[0], s.getStride()[0], 0),
                        outSize(current.width(), s.getKernelSize()[1], s.getStride()[1], 0));
                stages.add(new ForwardStage.MaxPool(current, out, s.getKernelSize()[0], s.getKernelSize()[1],
                        s.getStride()[0], s.getStride()[1]));
                current = out;
            } else if (layer instanceof LocalResponseNormalization lrn) {
                require(current != null, name, "LRN needs image-shaped input");
                require(lrn.getDataFormat() == CNN2DFormat.NCHW, name, "data format must be NCHW");
                stages.add(new ForwardStage.Lrn(i, current));
            } else if (layer instanceof DropoutLayer) {
                // the identity at inference
            } else if (layer instanceof OutputLayer o && o.getClass() == OutputLayer.class) {
                checkOutputActivation(name, o.getActivationFn());
                stages.add(dense(name, i, o.getNIn(), o.getNOut(), o.hasBias(), flat, current, true, false));
                flat = (int) o.getNOut();
            } else if (layer instanceof DenseLayer d && d.getClass() == DenseLayer.class) {
                ForwardStage.Dense dense = dense(name, i, d.getNIn(), d.getNOut(), d.hasBias(), flat, current, false,
                        hiddenRelu(name, d.getActivationFn()));
                stages.add(dense);
                flat = dense.nOut();
            } else {
                throw unsupported(name, "layer type " + layer.getClass().getSimpleName());
            }
            if (input == null && stages.size() == 1 && stages.get(0) instanceof ForwardStage.Dense d) {
                input = new FeatureShape(d.nIn(), 1, 1);
            }
        }
        if (stages.isEmpty() || !(stages.get(stages.size() - 1) instanceof ForwardStage.Dense last) || !last.output()) {
            throw new IllegalArgumentException("scoring kernel: the network must end with an OutputLayer");
        }
        if (input == null) {
            throw new IllegalArgumentException("scoring kernel: cannot tell the input shape of the network");
        }
        return new ForwardPlan(input, stages);
    }

    private static ForwardStage.Dense dense(String name, int index, long nIn, long nOut, boolean bias, int flat,
                                     FeatureShape current, boolean output, boolean relu) {
        require(bias, name, "dense layer without bias");
        require(current == null, name, "a dense layer on image-shaped input needs a CnnToFeedForward preprocessor");
        require(flat < 0 || flat == nIn, name, "nIn " + nIn + " does not match the " + flat + " inputs it gets");
        return new ForwardStage.Dense(name, index, (int) nIn, (int) nOut, relu, output);
    }

    /** Stages that have weights, in order. */
    public List<ForwardStage> weighted() {
        return stages.stream().filter(s -> s instanceof ForwardStage.Conv || s instanceof ForwardStage.Dense).toList();
    }

    public int numClasses() {
        return ((ForwardStage.Dense) stages.get(stages.size() - 1)).nOut();
    }

    /** Multiply-accumulates of the dense (unpruned) forward pass of one image. */
    public long macsPerImage() {
        long macs = 0;
        for (ForwardStage s : stages) {
            if (s instanceof ForwardStage.Conv c) {
                macs += c.macsPerImage();
            } else if (s instanceof ForwardStage.Dense d) {
                macs += d.macsPerImage();
            }
        }
        return macs;
    }

    static int outSize(int in, int kernel, int stride, int pad) {
        return (in + 2 * pad - kernel) / stride + 1;
    }

    private static void checkConvolution(String name, ConvolutionMode mode, int[] dilation, CNN2DFormat format) {
        require(mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict, name,
                "convolution mode must be Truncate or Strict, got " + mode);
        require(dilation == null || (dilation[0] == 1 && dilation[1] == 1), name, "dilation must be 1");
        require(format == null || format == CNN2DFormat.NCHW, name, "data format must be NCHW, got " + format);
    }

    /** True for ReLU, false for the identity; anything else is unsupported. */
    private static boolean hiddenRelu(String name, IActivation activation) {
        if (activation instanceof ActivationReLU relu) {
            require(relu.getMax() == null && (relu.getThreshold() == null || relu.getThreshold() == 0)
                    && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0), name,
                    "only the plain ReLU max(x, 0)");
            return true;
        }
        require(activation instanceof ActivationIdentity, name,
                "activation must be ReLU or identity, got " + activation);
        return false;
    }

    /** The kernel takes the argmax on the logits: softmax and the identity keep their order. */
    private static void checkOutputActivation(String name, IActivation activation) {
        require(activation instanceof ActivationSoftmax || activation instanceof ActivationIdentity, name,
                "output activation must be softmax or identity, got " + activation);
    }

    private static void require(boolean rule, String layer, String what) {
        if (!rule) {
            throw unsupported(layer, what);
        }
    }

    private static IllegalArgumentException unsupported(String layer, String what) {
        return new IllegalArgumentException("scoring kernel: layer '" + layer + "': unsupported: " + what);
    }
}
