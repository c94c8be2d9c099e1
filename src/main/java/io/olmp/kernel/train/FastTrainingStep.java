package io.olmp.kernel.train;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import io.olmp.kernel.BlasThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

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

    /**
     * Batches of at least this many examples of a convolutional network are split into two
     * halves computed at once (measured on LeNet-5 batch 256: 0.068-0.073 s per iteration against
     * 0.084-0.088 s; on LeNet-300-100, whose products BLAS already splits well, 0.0147 s against
     * 0.0105 s, so dense-only networks are not split).
     */
    static final int MIN_SPLIT_BATCH = 32;

    private final MultiLayerNetwork net;
    private final Half first;  // writes the network's gradient arrays
    private final Half second; // own gradient arrays, added to the first's; null: never split
    private final Gradient gradient;
    private Optional<NesterovL2Update> fusedUpdate; // null until DL4J's updater ran once

    /** One half-batch's stages, buffers, loss and (when timed) its stage times. */
    private static final class Half {
        final StagePlanner.Plan plan;
        final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        final long[] forwardNanos;
        final long[] backwardNanos;
        float[] input;

        Half(StagePlanner.Plan plan) {
            this.plan = plan;
            this.forwardNanos = new long[plan.stages().size() + 1]; // the last entry: input copy and loss
            this.backwardNanos = new long[plan.stages().size() + 1]; // the last entry: the update
        }
    }

    /**
     * Wall time of one part of an iteration, averaged over the timed iterations (with a split batch,
     * the first half's, whose twin runs at the same time on the other core).
     */
    public record StageTime(String part, double forwardMillis, double backwardMillis) {}

    private boolean timed;
    private int timedIterations;
    private final float[][] mergeScratch = {new float[0], new float[0]};
    private float[] batchFeatures; // the batch being computed, DL4J's flat NCHW rows
    private float[] batchLabels;   // one-hot

    private FastTrainingStep(MultiLayerNetwork net, StagePlanner.Plan plan) {
        this.net = net;
        this.first = new Half(plan);
        this.second = plan.stages().stream().anyMatch(s -> s instanceof ConvStage)
                ? new Half(StagePlanner.plan(net, true)) : null;
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
        return computeDataGradient(features, labels, masks) + net.calcRegularizationScore(true);
    }

    /** The gradient arrays as {@link #computeGradientAndScore}; returns the mean data loss only. */
    private double computeDataGradient(INDArray features, INDArray labels, Map<String, INDArray> masks) {
        int n = (int) features.size(0);
        int length = first.plan.inputLength();
        int classes = first.plan.numClasses();
        if (features.size(1) != length) {
            throw new IllegalArgumentException("features have " + features.size(1) + " columns, the network reads " + length);
        }
        if (labels.size(0) != n || labels.size(1) != classes) {
            throw new IllegalArgumentException("labels have shape " + java.util.Arrays.toString(labels.shape())
                    + ", expected [" + n + ", " + classes + "]");
        }
        ensureBatchArrays(n);
        FloatTransfer.readAsFloats(features, batchFeatures);
        FloatTransfer.readAsFloats(labels, batchLabels);
        return computeDataGradient(n, masks);
    }

    private void ensureBatchArrays(int n) {
        if (batchFeatures == null || batchFeatures.length != n * first.plan.inputLength()) {
            batchFeatures = new float[n * first.plan.inputLength()];
            batchLabels = new float[n * first.plan.numClasses()];
        }
    }

    /** The gradient of the n examples in batchFeatures / batchLabels; returns the mean data loss. */
    private double computeDataGradient(int n, Map<String, INDArray> masks) {
        for (Half h : second == null ? new Half[] {first} : new Half[] {first, second}) {
            for (WeightedParams p : h.plan.params()) {
                p.mask(masks.get(p.layerName));
            }
        }
        double dataLoss;
        if (second == null || n < MIN_SPLIT_BATCH) {
            dataLoss = gradient(first, 0, n);
        } else {
            // two half-batches at once, each with single-threaded products: the products' shapes
            // (a reduction over every pixel of the batch into a small weight gradient) use two
            // BLAS threads poorly; the split depends on n only, so the values do not depend on the machine
            int a = n / 2;
            double[] losses = new double[2];
            try (BlasThreads single = BlasThreads.single()) {
                IntStream.range(0, 2).parallel().forEach(h -> losses[h] = StageLoops.sequentially(
                        () -> h == 0 ? gradient(first, 0, a) : gradient(second, a, n - a)));
            }
            long start = System.nanoTime();
            List<WeightedParams> into = first.plan.params();
            List<WeightedParams> from = second.plan.params();
            for (int i = 0; i < into.size(); i++) {
                int length = (int) into.get(i).weightGradient.length();
                if (mergeScratch[0].length < length) {
                    mergeScratch[0] = new float[length];
                    mergeScratch[1] = new float[length];
                }
                FloatTransfer.addBlock(from.get(i).weightGradient, into.get(i).weightGradient, mergeScratch[0], mergeScratch[1]);
                FloatTransfer.addBlock(from.get(i).biasGradient, into.get(i).biasGradient, mergeScratch[0], mergeScratch[1]);
            }
            lap(first.backwardNanos, first.backwardNanos.length - 1, start);
            dataLoss = (losses[0] * a + losses[1] * (n - a)) / n;
        }
        return dataLoss;
    }

    /**
     * The gradient of examples [from, from + n) of the batch arrays (summed over them) into the
     * half's gradient arrays; returns their mean loss.
     */
    private double gradient(Half h, int from, int n) {
        List<TrainingStage> stages = h.plan.stages();
        int other = stages.size();
        long t = System.nanoTime();
        float[] activation = input(h, batchFeatures, from, n);
        t = lap(h.forwardNanos, other, t);
        for (int i = 0; i < stages.size(); i++) {
            activation = stages.get(i).forward(activation, n);
            t = lap(h.forwardNanos, i, t);
        }
        double loss = h.loss.forwardBackward(activation, batchLabels, from, n, h.plan.numClasses());
        float[] delta = h.loss.gradient();
        t = lap(h.forwardNanos, other, t);
        for (int i = stages.size() - 1; i >= 0; i--) {
            delta = stages.get(i).backward(delta, n, i > 0);
            t = lap(h.backwardNanos, i, t);
        }
        return loss;
    }

    private long lap(long[] nanos, int index, long since) {
        if (!timed) {
            return since;
        }
        long now = System.nanoTime();
        nanos[index] += now - since;
        return now;
    }

    /** Starts (or stops) timing each stage; starting clears the times. */
    public void timeStages(boolean on) {
        timed = on;
        if (on) {
            timedIterations = 0;
            java.util.Arrays.fill(first.forwardNanos, 0);
            java.util.Arrays.fill(first.backwardNanos, 0);
        }
    }

    /**
     * Per stage of the network, then "input, loss / update" (the input copy and the loss; the
     * halves' gradient sum, the updater and the parameter step), averaged over the iterations run
     * since {@code timeStages(true)}.
     */
    public List<StageTime> stageTimes() {
        double per = Math.max(1, timedIterations) * 1e6;
        List<StageTime> times = new java.util.ArrayList<>();
        List<String> names = first.plan.stageNames();
        for (int i = 0; i <= names.size(); i++) {
            times.add(new StageTime(i < names.size() ? names.get(i) : "input, loss / update",
                    first.forwardNanos[i] / per, first.backwardNanos[i] / per));
        }
        return List.copyOf(times);
    }

    /** Forward-pass multiply-adds per example (convolutions and dense layers). */
    public long forwardMacsPerExample() {
        return first.plan.stages().stream().mapToLong(TrainingStage::macsPerExample).sum();
    }

    /** One iteration of SGD on the batch, as {@code net.fit(batch)}; returns the score, also set on the network. */
    public double fit(DataSet batch, Map<String, INDArray> masks) {
        double dataLoss = computeDataGradient(batch.getFeatures(), batch.getLabels(), masks);
        double score = dataLoss + net.calcRegularizationScore(true);
        applyUpdate((int) batch.getFeatures().size(0));
        net.setScore(score);
        return score;
    }

    /**
     * The same update as {@link #fit}, without the score's regularisation term (a pass over every
     * parameter that the update does not need); returns the mean data loss and leaves the
     * network's score alone.
     */
    public double step(DataSet batch, Map<String, INDArray> masks) {
        double dataLoss = computeDataGradient(batch.getFeatures(), batch.getLabels(), masks);
        applyUpdate((int) batch.getFeatures().size(0));
        return dataLoss;
    }

    /** Whether updates after the first go through {@link NesterovL2Update} (known after the first update). */
    boolean usesFusedUpdate() {
        return fusedUpdate != null && fusedUpdate.isPresent();
    }

    /**
     * {@link #step(DataSet, Map)} on iteration {@code iteration}'s batch of {@code rows}, written
     * straight into this step's arrays: the same update, without an ND4J batch in between.
     */
    public double step(BatchRows rows, long iteration, Map<String, INDArray> masks) {
        int length = first.plan.inputLength();
        if (rows.featureLength() != length || rows.classes() != first.plan.numClasses()) {
            throw new IllegalArgumentException("batches of " + rows.featureLength() + " features and " + rows.classes()
                    + " classes do not fit the network (" + length + " inputs, " + first.plan.numClasses() + " classes)");
        }
        int n = rows.batchSize();
        ensureBatchArrays(n);
        rows.fill(iteration, batchFeatures, batchLabels);
        double dataLoss = computeDataGradient(n, masks);
        applyUpdate(n);
        return dataLoss;
    }

    /** The updater, the parameter step, the listeners and the iteration counter, as StochasticGradientDescent. */
    private void applyUpdate(int batchSize) {
        long start = System.nanoTime();
        int iteration = BaseOptimizer.getIterationCount(net);
        int epoch = BaseOptimizer.getEpochCount(net);
        if (fusedUpdate != null && fusedUpdate.isPresent()) {
            fusedUpdate.get().apply(iteration, epoch, batchSize);
        } else {
            net.getUpdater().update(net, gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
            INDArray params = net.params();
            params.subi(net.getFlattenedGradients().reshape(params.shape()));
            if (fusedUpdate == null) { // DL4J's updater has now initialised its state as fit() does
                fusedUpdate = NesterovL2Update.of(net);
            }
        }
        for (TrainingListener listener : net.getListeners()) {
            listener.iterationDone(net, iteration, epoch);
        }
        BaseOptimizer.incrementIterationCount(net, 1);
        BaseOptimizer.applyConstraints(net);
        if (timed) {
            lap(first.backwardNanos, first.backwardNanos.length - 1, start);
            timedIterations++;
        }
    }

    /** Examples [from, from + n) of the batch as NHWC floats (a copy; DL4J's flat rows are NCHW). */
    private static float[] input(Half h, float[] features, int from, int n) {
        StagePlanner.Plan plan = h.plan;
        int c = plan.inputChannels();
        int pixels = plan.inputHeight() * plan.inputWidth();
        int size = plan.inputLength();
        if (h.input == null || h.input.length != n * size) {
            h.input = new float[n * size];
        }
        float[] input = h.input;
        if (c == 1) {
            System.arraycopy(features, from * size, input, 0, n * size);
            return input;
        }
        for (int image = 0; image < n; image++) {
            int base = image * size;
            int source = (from + image) * size;
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < pixels; p++) {
                    input[base + p * c + ch] = features[source + ch * pixels + p];
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
