package io.olmp.kernel.train;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ISchedule;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DL4J's updater step followed by the parameter step, fused into one pass over Java arrays, for
 * networks whose every parameter uses Nesterov momentum with optional L2 and no gradient
 * normalisation (the paper's solver). Per element, in float as DL4J computes it:
 * {@code g /= batch; g += l2 * p; v' = mu * v - lr * g; u = mu * v + (-mu - 1) * v'; p -= u}
 * (DL4J: BaseMultiLayerUpdater divides, L2Regularization's Axpy, the NesterovsUpdater op,
 * StochasticGradientDescent's {@code params.subi}). The gradient array is left holding u, as
 * DL4J leaves it.
 *
 * <p>Why: DL4J runs these as five to eight native ops over every parameter, each waking ND4J's
 * thread pool; on LeNet-300-100 that was a sixth of a training iteration.
 */
final class NesterovL2Update {

    /** Parameters [from, to) of the flat arrays updated with one updater and one L2 schedule. */
    private record Segment(int from, int to, Nesterovs updater, ISchedule l2) {}

    private final INDArray params;
    private final INDArray gradients;
    private final INDArray state;
    private final List<Segment> segments;
    private final float[] p;
    private final float[] g;
    private final float[] v;

    private NesterovL2Update(INDArray params, INDArray gradients, INDArray state, List<Segment> segments) {
        this.params = params;
        this.gradients = gradients;
        this.state = state;
        this.segments = segments;
        int n = (int) params.length();
        this.p = new float[n];
        this.g = new float[n];
        this.v = new float[n];
    }

    /**
     * The fused update for this network, or empty when its updater is anything else (then DL4J's
     * updater is used). Call after DL4J's updater has run once on the network, so that its state
     * array is initialised as DL4J initialises it.
     */
    static Optional<NesterovL2Update> of(MultiLayerNetwork net) {
        Updater updater = net.getUpdater();
        INDArray params = net.params();
        INDArray gradients = net.getFlattenedGradients();
        if (!(updater instanceof BaseMultiLayerUpdater<?> multi) || !net.conf().isMiniBatch()
                || params.dataType() != DataType.FLOAT || gradients == null || multi.getStateViewArray() == null
                || !dense(params) || !dense(gradients) || !dense(multi.getStateViewArray())
                || multi.getStateViewArray().length() != params.length() || gradients.length() != params.length()
                || params.length() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        for (UpdaterBlock block : multi.getUpdaterBlocks()) {
            if (!(block.getGradientUpdater() instanceof NesterovsUpdater)
                    || block.getParamOffsetStart() != block.getUpdaterViewOffsetStart()
                    || block.getParamOffsetEnd() != block.getUpdaterViewOffsetEnd()) {
                return Optional.empty();
            }
            for (UpdaterBlock.ParamState param : block.getLayersAndVariablesInBlock()) {
                var conf = param.getLayer().getConfig();
                IUpdater config = conf.getUpdaterByParam(param.getParamName());
                if (!(config instanceof Nesterovs nesterovs) || conf.getGradientNormalization() != GradientNormalization.None) {
                    return Optional.empty();
                }
                ISchedule l2 = null;
                for (Regularization r : conf.getRegularizationByParam(param.getParamName())) {
                    if (!(r instanceof L2Regularization l2Regularization) || l2 != null) {
                        return Optional.empty();
                    }
                    l2 = l2Regularization.getL2();
                }
                INDArray view = param.getParamView();
                long from = view.offset() - params.offset();
                segments.add(new Segment((int) from, (int) (from + view.length()), nesterovs, l2));
            }
        }
        return Optional.of(new NesterovL2Update(params, gradients, multi.getStateViewArray(), List.copyOf(segments)));
    }

    private static boolean dense(INDArray array) {
        return array.dataType() == DataType.FLOAT && FloatTransfer.hasCStrides(array) && array.rank() <= 2;
    }

    /** Parameters per chunk of the update: chunks run on parallel threads, each copying its own range in and out. */
    private static final int CHUNK = 1 << 16;

    /** DL4J's updater for this iteration, then {@code params -= update}. */
    void apply(int iteration, int epoch, int batchSize) {
        float[][] constants = new float[segments.size()][];
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            constants[k] = new float[] {(float) s.updater.getLearningRate(iteration, epoch),
                (float) s.updater.currentMomentum(iteration, epoch),
                s.l2 == null ? 0f : (float) s.l2.valueAt(iteration, epoch)};
        }
        int n = p.length;
        StageLoops.forEach((n + CHUNK - 1) / CHUNK, chunk -> {
            int from = chunk * CHUNK;
            int to = Math.min(n, from + CHUNK);
            copy(params, p, from, to, true);
            copy(gradients, g, from, to, true);
            copy(state, v, from, to, true);
            for (int k = 0; k < segments.size(); k++) {
                Segment s = segments.get(k);
                int a = Math.max(from, s.from);
                int b = Math.min(to, s.to);
                if (a < b) {
                    update(a, b, batchSize, constants[k][0], constants[k][1], s.l2 == null ? Float.NaN : constants[k][2]);
                }
            }
            copy(params, p, from, to, false);
            copy(gradients, g, from, to, false);
            copy(state, v, from, to, false);
        });
    }

    private static void copy(INDArray array, float[] values, int from, int to, boolean in) {
        FloatBuffer data = array.data().asNioFloat();
        int at = (int) array.offset() + from;
        if (in) {
            data.get(at, values, from, to - from);
        } else {
            data.put(at, values, from, to - from);
        }
    }

    /** Entries [a, b): divide, add L2 (NaN: none), Nesterov, step. One loop per step, so each vectorises. */
    private void update(int a, int b, int batchSize, float lr, float momentum, float l2) {
        // dividing by a power of two is multiplying by its exact reciprocal: the same floats, faster
        if (Integer.bitCount(batchSize) == 1) {
            float reciprocal = 1f / batchSize;
            for (int i = a; i < b; i++) {
                g[i] *= reciprocal;
            }
        } else {
            float divisor = batchSize;
            for (int i = a; i < b; i++) {
                g[i] /= divisor;
            }
        }
        if (!Float.isNaN(l2)) {
            for (int i = a; i < b; i++) {
                g[i] = l2 * p[i] + g[i];
            }
        }
        float momentumNew = -momentum - 1f;
        for (int i = a; i < b; i++) {
            float previous = momentum * v[i];
            float velocity = previous - lr * g[i];
            v[i] = velocity;
            float update = previous + momentumNew * velocity;
            g[i] = update;
            p[i] -= update;
        }
    }
}
