package io.olmp.model;

import io.olmp.config.TrainSettings;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * The paper's three networks, every layer named (Caffe names), all reading flattened
 * C x H x W inputs. Prunable layers are those with a weight parameter "W".
 */
public final class Architectures {

    /** Names accepted by {@link #configuration}. */
    public static final List<String> NAMES = List.of("lenet300-100", "lenet5", "alexnet");

    private Architectures() {}

    public static MultiLayerConfiguration configuration(String name, InputShape input, TrainSettings train, long seed) {
        return switch (name) {
            case "lenet300-100" -> lenet300100(input, train, seed);
            case "lenet5" -> lenet5(input, train, seed);
            case "alexnet" -> alexnet(input, train, seed);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + NAMES);
        };
    }

    public static MultiLayerNetwork build(String name, InputShape input, TrainSettings train, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(name, input, train, seed));
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.Builder base(TrainSettings train, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(SolverFactory.updater(train))
                .l2(train.weightDecay())
                .weightInit(WeightInit.XAVIER);
    }

    /** LeNet-300-100: 784-300-100-10 fully connected, ReLU (Han et al. 2015; OLMP). */
    static MultiLayerConfiguration lenet300100(InputShape input, TrainSettings train, long seed) {
        return base(train, seed).list()
                .layer(new DenseLayer.Builder().name("ip1").nIn(input.featureLength()).nOut(300).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("ip2").nOut(100).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("ip3")
                        .nOut(input.numClasses()).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(input.featureLength()))
                .build();
    }

    /**
     * LeNet-5 as in Caffe's examples/mnist/lenet_train_test.prototxt: conv 5x5x20, max-pool 2,
     * conv 5x5x50, max-pool 2, fc 500 ReLU, fc 10. Caffe puts no non-linearity after the
     * convolutions, so neither do we.
     */
    static MultiLayerConfiguration lenet5(InputShape input, TrainSettings train, long seed) {
        return base(train, seed).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(20).stride(1, 1).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(50).stride(1, 1).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("ip1").nOut(500).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("ip2")
                        .nOut(input.numClasses()).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
                .build();
    }

    /**
     * AlexNet (Krizhevsky et al. 2012, Caffe's bvlc_alexnet without the two-GPU groups) with a
     * 256-way (or input.numClasses()) classifier, for Caltech-256.
     */
    static MultiLayerConfiguration alexnet(InputShape input, TrainSettings train, long seed) {
        return base(train, seed).list()
                .layer(new ConvolutionLayer.Builder(11, 11).name("conv1").nOut(96).stride(4, 4).activation(Activation.RELU).build())
                .layer(new LocalResponseNormalization.Builder().name("norm1").n(5).alpha(1e-4).beta(0.75).k(1).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(3, 3).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(256).padding(2, 2).activation(Activation.RELU).build())
                .layer(new LocalResponseNormalization.Builder().name("norm2").n(5).alpha(1e-4).beta(0.75).k(1).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(3, 3).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv3").nOut(384).padding(1, 1).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv4").nOut(384).padding(1, 1).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv5").nOut(256).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool5").kernelSize(3, 3).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc6").nOut(4096).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).name("drop6").build())
                .layer(new DenseLayer.Builder().name("fc7").nOut(4096).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).name("drop7").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("fc8")
                        .nOut(input.numClasses()).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
                .build();
    }
}
