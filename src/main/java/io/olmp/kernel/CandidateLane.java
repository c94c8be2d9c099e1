package io.olmp.kernel;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-candidate part of a pass (everything after the shared first product) with its own
 * buffers, so that lanes can score different candidates of a generation on different threads.
 * Not thread-safe: one thread per lane at a time.
 */
final class CandidateLane {

    private final List<ForwardStage> stages;
    private final List<ForwardStage> weighted;
    private final float[][] biases;
    private final Layer[] lrnLayers;   // by stage index, for Lrn stages only; this lane's own copies
    private final IActivation outputActivation;
    private final int numClasses;

    private final OffHeapMatrix input;
    private final ProductResult[] results; // by weighted stage: each keeps its shape
    private final float[] denseScratch;
    private final float[] ping;
    private final float[] pong;
    private final float[] rowScratch;
    private final float[] poolScratch;
    private long nearTieRows;

    CandidateLane(List<ForwardStage> stages, List<ForwardStage> weighted, float[][] biases, Layer[] lrnLayers,
                  IActivation outputActivation, int numClasses, int passImages, long productFloats,
                  int activationFloats, int scratchFloats) {
        this.stages = stages;
        this.weighted = weighted;
        this.biases = biases;
        this.lrnLayers = lrnLayers;
        this.outputActivation = outputActivation;
        this.numClasses = numClasses;
        this.input = new OffHeapMatrix(productFloats);
        this.ping = new float[activationFloats];
        this.pong = new float[activationFloats];
        this.rowScratch = new float[scratchFloats];
        int pool = 1;
        for (ForwardStage s : stages) {
            if (s instanceof ForwardStage.MaxPool p) {
                pool = Math.max(pool, ChannelMajorPooling.scratchFloats(p, passImages));
            }
        }
        this.poolScratch = new float[pool];
        this.denseScratch = new float[activationFloats];
        this.results = new ProductResult[weighted.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = new ProductResult();
        }
    }

    long nearTieRows() {
        return nearTieRows;
    }

    /**
     * Candidate c of the pass: its block of the shared first product (rows x out-per-candidate,
     * column-major for a convolution; row-major [n, out x candidates] for a dense first layer),
     * then the remaining stages and the argmax into predicted[at, at + n).
     */
    void score(MaskedCandidate candidate, int c, int candidates, FloatBuffer firstOutput, int n, int[] predicted, int at) {
        ForwardStage first = stages.get(0);
        int next;
        if (first instanceof ForwardStage.Conv conv) {
            next = finishConvolution(conv, 0, 1, firstOutput, c * n * conv.out().size(), n, ping);
        } else {
            ForwardStage.Dense d = (ForwardStage.Dense) first;
            for (int i = 0; i < n; i++) {
                firstOutput.get((i * candidates + c) * d.nOut(), ping, i * d.nOut(), d.nOut());
            }
            Pointwise.biasPerColumn(ping, n, biases[0], d.relu());
            next = 1;
        }
        forwardFrom(next, candidate, n, predicted, at);
    }

    /**
     * Bias, ReLU and a following max-pooling of a convolution's product (channel-major
     * [C][n][oH][oW] at product[offset]) into dst; the pooling reads the product buffer directly.
     *
     * @return the index of the first stage not yet applied
     */
    private int finishConvolution(ForwardStage.Conv conv, int weightedIndex, int following, FloatBuffer product, int offset,
                                  int n, float[] dst) {
        if (following < stages.size() && stages.get(following) instanceof ForwardStage.MaxPool p) {
            ChannelMajorPooling.max(product, offset, dst, n, p, biases[weightedIndex], conv.relu(), poolScratch);
            return following + 1;
        }
        product.get(offset, dst, 0, n * conv.out().size());
        Pointwise.biasPerChannel(dst, n * conv.out().plane(), biases[weightedIndex], conv.relu());
        return following;
    }

    /** Stages [from, end) of one candidate; ping holds the output of stage from - 1. */
    private void forwardFrom(int from, MaskedCandidate candidate, int n, int[] predicted, int at) {
        float[] cur = ping;
        float[] next = pong;
        int weightedIndex = 0; // of the stage that produced cur
        for (int s = 0; s < from; s++) {
            weightedIndex += stages.get(s) instanceof ForwardStage.Conv || stages.get(s) instanceof ForwardStage.Dense ? 1 : 0;
        }
        weightedIndex--;
        FeatureShape shape = featureShapeAfter(from - 1);
        int s = from;
        while (s < stages.size()) {
            ForwardStage stage = stages.get(s);
            s++;
            if (stage instanceof ForwardStage.MaxPool p) {
                ChannelMajorPooling.max(cur, next, n, p);
                shape = p.out();
            } else if (stage instanceof ForwardStage.Lrn lrn) {
                Lrn.apply(lrnLayers[s - 1], cur, next, n, lrn.shape());
            } else if (stage instanceof ForwardStage.Conv conv) {
                weightedIndex++;
                PatchMatrix.fromChannelMajor(cur, n, conv, input.floats(), rowScratch);
                int rows = n * conv.rowsPerImage();
                ProductResult result = results[weightedIndex];
                INDArray out = result.of(rows, conv.out().channels());
                input.view(rows, conv.patch(), 'c').mmuli(candidate.rest(weightedIndex - 1), out);
                s = finishConvolution(conv, weightedIndex, s, result.floats(), 0, n, next);
                shape = featureShapeAfter(s - 1);
            } else {
                ForwardStage.Dense d = (ForwardStage.Dense) stage;
                weightedIndex++;
                if (shape != null) {
                    PatchMatrix.flatten(cur, n, shape, input.floats(), rowScratch);
                    shape = null;
                } else {
                    input.floats().put(0, cur, 0, n * d.nIn());
                }
                ProductResult result = results[weightedIndex];
                input.view(n, d.nIn(), 'c').mmuli(candidate.rest(weightedIndex - 1), result.of(n, d.nOut()));
                result.toRowMajor(next, denseScratch);
                Pointwise.biasPerColumn(next, n, biases[weightedIndex], d.relu());
            }
            float[] t = cur;
            cur = next;
            next = t;
        }
        argmax(cur, n, predicted, at);
    }

    /** The image shape of stage s's output, or null once the activations are flat. */
    private FeatureShape featureShapeAfter(int s) {
        ForwardStage stage = stages.get(s);
        if (stage instanceof ForwardStage.Conv c) {
            return c.out();
        } else if (stage instanceof ForwardStage.MaxPool p) {
            return p.out();
        } else if (stage instanceof ForwardStage.Lrn l) {
            return l.shape();
        }
        return null;
    }

    private void argmax(float[] logits, int n, int[] predicted, int at) {
        int classes = numClasses;
        List<Integer> nearTies = null;
        for (int i = 0; i < n; i++) {
            TopTwo t = TopTwo.of(logits, i * classes, classes);
            predicted[at + i] = t.best();
            if (t.nan() || t.gap() <= ScoringKernel.NEAR_TIE) {
                if (nearTies == null) {
                    nearTies = new ArrayList<>();
                }
                nearTies.add(i);
            }
        }
        if (nearTies != null) {
            float[] rows = new float[nearTies.size() * classes];
            for (int r = 0; r < nearTies.size(); r++) {
                System.arraycopy(logits, nearTies.get(r) * classes, rows, r * classes, classes);
            }
            INDArray probabilities = outputActivation.getActivation(
                    Nd4j.create(rows, new long[] {nearTies.size(), classes}, 'c'), false);
            int[] dl4j = probabilities.argMax(1).toIntVector();
            for (int r = 0; r < dl4j.length; r++) {
                predicted[at + nearTies.get(r)] = dl4j[r];
            }
            nearTieRows += nearTies.size();
        }
    }
}
