package io.olmp.kernel.train;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SGD iteration of a supported network ({@link #supports}), equivalent to DL4J's
 * {@code fit(DataSet)}: the gradient is computed here (forward with W * M where a mask is given,
 * so the dense W receives the gradient with respect to the masked weights, DS semantics), then the
 * network's own updater applies regularisation, the learning-rate schedule and Nesterov momentum,
 * the parameters step, listeners are told, and the iteration counter advances, exactly as DL4J's
 * StochasticGradientDescent does after {@code computeGradientAndScore()}.
 *
 * <p>Holds views into the network's parameter and gradient arrays: build one per network and
 * do not use it after {@code setParams}/{@code init} replaced those arrays. Not thread-safe.
 */
public final class FastTrainingStep {

    private final MultiLayerNetwork net;
    private final StagePlanner.Plan plan;
    private final Gradient gradient;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private float[] input;

    private FastTrainingStep(MultiLayerNetwork net, StagePlanner.Plan plan) {
        this.net = net;
        this.plan = plan;
        this.gradient = gradientViews(net);
    }

    /** Builds the step, or fails with {@link UnsupportedNetworkException} saying what is not supported. */
    public static FastTrainingStep of(MultiLayerNetwork net) {
        return new FastTrainingStep(net, StagePlanner.plan(net));
    }

    /** Why the fast step cannot train this network, or empty if it can. */
    public static Optional<String> unsupportedReason(MultiLayerNetwork net) {
        try {
            StagePlanner.plan(net);
            return Optional.empty();
        } catch (UnsupportedNetworkException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static boolean supports(MultiLayerNetwork net) {
        return unsupportedReason(net).isEmpty();
    }

    /**
     * Like DL4J's {@code computeGradientAndScore()}: fills the network's gradient arrays (summed
     * over the batch; DL4J's updater divides by the batch size) and returns the score (mean
     * cross-entropy plus the regularisation score).
     *
     * @param masks weight masks by layer name (layers not in the map use their dense W); may be empty
     */
    public double computeGradientAndScore(INDArray features, INDArray labels, Map<String, INDArray> masks) {
        int n = (int) features.size(0);
        for (WeightedParams p : plan.params()) {
            p.mask(masks.get(p.layerName));
        }
        float[] activation = input(features, n);
        List<Stage> stages = plan.stages();
        for (Stage stage : stages) {
            activation = stage.forward(activation, n);
        }
        double dataLoss = loss.forwardBackward(activation, labels, n, plan.numClasses());
        float[] delta = loss.gradient();
        for (int i = stages.size() - 1; i >= 0; i--) {
            delta = stages.get(i).backward(delta, n, i > 0);
        }
        return dataLoss + net.calcRegularizationScore(true);
    }

    /** Forward-pass multiply-adds per example (convolutions and dense layers). */
    public long forwardMacsPerExample() {
        return plan.stages().stream().mapToLong(Stage::macsPerExample).sum();
    }

    /** One iteration of SGD on the batch, as {@code net.fit(batch)}; returns the score, also set on the network. */
    public double fit(DataSet batch, Map<String, INDArray> masks) {
        double score = computeGradientAndScore(batch.getFeatures(), batch.getLabels(), masks);
        int iteration = BaseOptimizer.getIterationCount(net);
        int epoch = BaseOptimizer.getEpochCount(net);
        net.getUpdater().update(net, gradient, iteration, epoch, (int) batch.getFeatures().size(0),
                LayerWorkspaceMgr.noWorkspaces());
        INDArray params = net.params();
        params.subi(net.getFlattenedGradients().reshape(params.shape()));
        for (TrainingListener listener : net.getListeners()) {
            listener.iterationDone(net, iteration, epoch);
        }
        BaseOptimizer.incrementIterationCount(net, 1);
        BaseOptimizer.applyConstraints(net);
        net.setScore(score);
        return score;
    }

    /** The images as NHWC floats (a copy; DL4J's flat rows are NCHW). */
    private float[] input(INDArray features, int n) {
        int c = plan.inputChannels();
        int pixels = plan.inputHeight() * plan.inputWidth();
        if (features.size(1) != (long) c * pixels) {
            throw new IllegalArgumentException("features have " + features.size(1) + " columns, the network reads "
                    + c * pixels);
        }
        if (input == null || input.length != n * c * pixels) {
            input = new float[n * c * pixels];
        }
        float[] flat = features.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        if (c == 1) {
            System.arraycopy(flat, 0, input, 0, input.length);
        } else {
            for (int image = 0; image < n; image++) {
                int base = image * c * pixels;
                for (int ch = 0; ch < c; ch++) {
                    for (int p = 0; p < pixels; p++) {
                        input[base + p * c + ch] = flat[base + ch * pixels + p];
                    }
                }
            }
        }
        return input;
    }

    /** The gradient DL4J's updater expects: the flat view plus per-parameter views keyed "index_param". */
    private static Gradient gradientViews(MultiLayerNetwork net) {
        DefaultGradient g = new DefaultGradient(net.getFlattenedGradients());
        for (int i = 0; i < net.getnLayers(); i++) {
            var layer = net.getLayer(i);
            if (layer.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> views = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            for (Map.Entry<String, INDArray> view : views.entrySet()) {
                g.setGradientFor(i + "_" + view.getKey(), view.getValue());
            }
        }
        return g;
    }
}
