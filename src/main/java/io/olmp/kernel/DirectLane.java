package io.olmp.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A forward pass that multiplies only the kept weights, for networks of stride-1 unpadded
 * convolutions (each optionally followed by a max-pooling) and then dense layers, such as LeNet-5,
 * or of dense layers only, such as LeNet-300-100.
 * Images are processed in blocks ({@link #block()} images): every activation row holds one value per image
 * of the block ("image-minor"), so each kept weight is one multiply-add over long contiguous rows.
 * A convolution reads rows of its input shifted by the kernel column (built once per block), so
 * its inner loop is {@code out[t] += w0 * r0[t] + ... + w3 * r3[t]} on separate arrays, which the
 * JIT turns into vector instructions; no im2col and no matrix product.
 *
 * <p>The sums run in a different order than DL4J's products, so logits can differ from DL4J's in
 * the last bits (measured: at most 7e-7 of the largest logit, on a trained LeNet-5 as on a random
 * one). Rows whose top two logits are within {@link #GUARD} x max(1, |top logit|), or hold NaN,
 * are returned to the caller, which scores those images again on the exact path; every other
 * row's argmax is the one DL4J computes.
 *
 * <p>Not thread-safe: one thread per lane at a time; every buffer is allocated once.
 */
final class DirectLane {

    /**
     * Images per block with convolutions: one activation row holds this many values (convolution
     * rows are this times the output width long; on LeNet-5, 256 made generations 1.3-1.7x slower and
     * 32 made nearly dense ones 1.35x slower).
     */
    static final int CONV_BLOCK = 64;
    /**
     * Images per block of dense-only networks: a dense row is only the block long, and 64-value
     * loops left the JIT's vector loop mostly unused (LeNet-300-100, 10 % kept: 0.17 s per
     * generation at 64, 0.14 s at 256).
     */
    static final int DENSE_BLOCK = 256;
    /** Relative logit gap at or below which a row is recomputed on the exact path. */
    static final float GUARD = 1e-4f;

    /** A convolution (with the max-pooling after it, or null) or a dense layer, and its buffers. */
    private sealed interface Step permits ConvStep, DenseStep {}

    private record ConvStep(ForwardStage.Conv conv, ForwardStage.MaxPool pool, int weighted, float[][] shifted, float[][] channel,
                            float[] poolVertical, float[] poolColumn, float[][][] out) implements Step {}

    private record DenseStep(ForwardStage.Dense dense, int weighted, float[][] out) implements Step {}

    private final int block;
    private final List<Step> steps;
    private final float[][] biases;
    private final FeatureShape input;
    private final float[][][] inputRows; // [channel][y][x * block + image]
    private final int numClasses;
    private final float[] rowScratch;
    private final float[][] flatRows; // the first dense layer's input, one row per feature
    private final boolean denseInput; // no convolution: flatRows are inputRows' rows themselves

    private DirectLane(FeatureShape input, List<Step> steps, float[][] biases, int numClasses, int flatFeatures, int block) {
        this.block = block;
        this.input = input;
        this.steps = steps;
        this.biases = biases;
        this.numClasses = numClasses;
        this.rowScratch = new float[numClasses];
        this.inputRows = new float[input.channels()][input.height()][input.width() * block];
        this.denseInput = !(steps.get(0) instanceof ConvStep);
        if (denseInput) { // a dense input is 1 x 1 planes: each plane's one row is a feature's row already
            this.flatRows = new float[flatFeatures][];
            for (int f = 0; f < flatFeatures; f++) {
                flatRows[f] = inputRows[f][0];
            }
        } else {
            this.flatRows = new float[flatFeatures][block];
        }
    }

    /** Images per block of this lane. */
    int block() {
        return block;
    }

    /** Whether the stages have the shape this lane computes: (conv [max-pool])* then dense+. */
    static boolean supports(List<ForwardStage> stages) {
        int i = 0;
        while (i < stages.size() && stages.get(i) instanceof ForwardStage.Conv c) {
            if (c.strideH() != 1 || c.strideW() != 1 || c.padH() != 0 || c.padW() != 0) {
                return false;
            }
            i++;
            if (i < stages.size() && stages.get(i) instanceof ForwardStage.MaxPool) {
                i++;
            }
        }
        if (i == stages.size()) {
            return false;
        }
        for (; i < stages.size(); i++) {
            if (!(stages.get(i) instanceof ForwardStage.Dense)) {
                return false;
            }
        }
        return true;
    }

    static DirectLane of(FeatureShape input, List<ForwardStage> stages, float[][] biases, int numClasses) {
        if (!supports(stages)) {
            throw new IllegalArgumentException("direct lane: unsupported stages " + stages);
        }
        int block = stages.get(0) instanceof ForwardStage.Conv ? CONV_BLOCK : DENSE_BLOCK;
        List<Step> steps = new ArrayList<>();
        int weighted = 0;
        int flatFeatures = 0;
        for (int i = 0; i < stages.size(); i++) {
            ForwardStage s = stages.get(i);
            if (s instanceof ForwardStage.Conv c) {
                ForwardStage.MaxPool pool = i + 1 < stages.size() && stages.get(i + 1) instanceof ForwardStage.MaxPool p ? p : null;
                FeatureShape out = pool == null ? c.out() : pool.out();
                float[][] shifted = new float[c.in().channels() * c.kernelW() * c.in().height()][c.out().width() * block];
                float[][] channel = new float[c.out().height()][c.out().width() * block];
                steps.add(new ConvStep(c, pool, weighted++, shifted, channel, new float[c.out().width() * block],
                        new float[out.width() * block], new float[out.channels()][out.height()][out.width() * block]));
                i += pool == null ? 0 : 1;
            } else {
                ForwardStage.Dense d = (ForwardStage.Dense) s;
                flatFeatures = flatFeatures == 0 ? d.nIn() : flatFeatures;
                steps.add(new DenseStep(d, weighted++, new float[d.nOut()][block]));
            }
        }
        return new DirectLane(input, steps, biases, numClasses, flatFeatures, block);
    }

    /**
     * The input row each kept weight of weighted stage {@code weighted} reads, by the weight's
     * position within its output unit: for a convolution, position (c, ky, kx) reads shifted row
     * (c * kW + kx) * H + ky (plus the output row); for a dense layer, position i reads feature i.
     */
    static java.util.function.IntUnaryOperator sourceOf(ForwardStage s) {
        if (s instanceof ForwardStage.Conv c) {
            int kh = c.kernelH();
            int kw = c.kernelW();
            int h = c.in().height();
            return p -> {
                int channel = p / (kh * kw);
                int ky = p / kw % kh;
                int kx = p % kw;
                return (channel * kw + kx) * h + ky;
            };
        }
        return p -> p;
    }

    /**
     * Predictions of images [from, to) of {@code pixels} by each candidate k (its kept weights
     * {@code weights[k]}) into predicted[k][i - from]. Each block of images is transposed once for
     * all the candidates.
     *
     * @return per candidate, the images (indices into pixels) whose top logits are within
     *         {@link #GUARD}: their predictions are not set and must be computed on the exact path
     */
    List<List<Integer>> predict(List<NonZeroRows[]> weights, float[] pixels, int from, int to, List<int[]> predicted) {
        List<List<Integer>> recompute = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            recompute.add(new ArrayList<>());
        }
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            transpose(pixels, start, n);
            for (int k = 0; k < weights.size(); k++) {
                argmax(forward(weights.get(k)), n, start, predicted.get(k), start - from, recompute.get(k));
            }
        }
        return recompute;
    }

    /** Logits [class][image] of images [start, start + n), n &lt;= block(); the lane's own buffer. */
    float[][] block(NonZeroRows[] weights, float[] pixels, int start, int n) {
        transpose(pixels, start, n);
        return forward(weights);
    }

    /** Logits [class][image] of the block in inputRows. */
    private float[][] forward(NonZeroRows[] weights) {
        float[][][] planes = inputRows;
        float[][] flat = null;
        for (Step step : steps) {
            if (step instanceof ConvStep c) {
                convolve(c, planes, weights[c.weighted()], biases[c.weighted()]);
                planes = c.out();
            } else {
                DenseStep d = (DenseStep) step;
                if (flat == null) {
                    flat = denseInput ? flatRows : flatten(planes);
                }
                dense(d, flat, weights[d.weighted()], biases[d.weighted()]);
                flat = d.out();
            }
        }
        return flat;
    }

    /** Images [start, start + n) into inputRows; the rest of the block is zero. */
    private void transpose(float[] pixels, int start, int n) {
        int h = input.height();
        int w = input.width();
        int size = input.size();
        for (int c = 0; c < input.channels(); c++) {
            for (int y = 0; y < h; y++) {
                float[] row = inputRows[c][y];
                if (n < block) {
                    Arrays.fill(row, 0f);
                }
                for (int b = 0; b < n; b++) {
                    int src = (start + b) * size + (c * h + y) * w;
                    for (int x = 0; x < w; x++) {
                        row[x * block + b] = pixels[src + x];
                    }
                }
            }
        }
    }

    private void convolve(ConvStep step, float[][][] in, NonZeroRows w, float[] bias) {
        ForwardStage.Conv conv = step.conv();
        int h = conv.in().height();
        int kw = conv.kernelW();
        int run = conv.out().width() * block;
        for (int c = 0; c < conv.in().channels(); c++) {
            for (int kx = 0; kx < kw; kx++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(in[c][y], kx * block, step.shifted()[(c * kw + kx) * h + y], 0, run);
                }
            }
        }
        float[][] channel = step.channel();
        for (int oc = 0; oc < conv.out().channels(); oc++) {
            for (int oy = 0; oy < channel.length; oy++) {
                Arrays.fill(channel[oy], 0f);
                accumulate(channel[oy], step.shifted(), oy, w, oc);
            }
            if (step.pool() != null) {
                pool(step, step.out()[oc], bias[oc], conv.relu());
            } else {
                for (int oy = 0; oy < channel.length; oy++) {
                    biasRelu(channel[oy], step.out()[oc][oy], bias[oc], conv.relu());
                }
            }
        }
    }

    private static void dense(DenseStep step, float[][] in, NonZeroRows w, float[] bias) {
        float[][] out = step.out();
        for (int j = 0; j < out.length; j++) {
            Arrays.fill(out[j], 0f);
            accumulate(out[j], in, 0, w, j);
            biasRelu(out[j], out[j], bias[j], step.dense().relu());
        }
    }

    /** out += sum of unit's kept weights times their rows (rows[source + offset]), four at a time. */
    private static void accumulate(float[] out, float[][] rows, int offset, NonZeroRows w, int unit) {
        int[] source = w.source();
        float[] value = w.value();
        int k = w.start()[unit];
        int end = w.start()[unit + 1];
        for (; k + 4 <= end; k += 4) {
            float[] r0 = rows[source[k] + offset];
            float[] r1 = rows[source[k + 1] + offset];
            float[] r2 = rows[source[k + 2] + offset];
            float[] r3 = rows[source[k + 3] + offset];
            float w0 = value[k];
            float w1 = value[k + 1];
            float w2 = value[k + 2];
            float w3 = value[k + 3];
            for (int t = 0; t < out.length; t++) {
                out[t] += w0 * r0[t] + w1 * r1[t] + w2 * r2[t] + w3 * r3[t];
            }
        }
        for (; k < end; k++) {
            float[] r = rows[source[k] + offset];
            float v = value[k];
            for (int t = 0; t < out.length; t++) {
                out[t] += v * r[t];
            }
        }
    }

    /**
     * Max-pooling of one channel's rows, then bias and ReLU (exact after the max: rounding is
     * monotone). Vertical maxima first, over whole rows; then each kernel column's values are
     * gathered into a row aligned with the output, so every max loop runs over separate arrays
     * from index 0 (the form the JIT vectorises; Math.max is a vector instruction, a ternary is not).
     */
    private void pool(ConvStep step, float[][] out, float b, boolean relu) {
        float[][] channel = step.channel();
        ForwardStage.MaxPool p = step.pool();
        int kh = p.kernelH();
        int kw = p.kernelW();
        int outW = p.out().width();
        float[] vertical = step.poolVertical();
        for (int py = 0; py < out.length; py++) {
            int top = py * p.strideH();
            System.arraycopy(channel[top], 0, vertical, 0, vertical.length);
            for (int dy = 1; dy < kh; dy++) {
                max(vertical, channel[top + dy]);
            }
            float[] dst = out[py];
            for (int dx = 0; dx < kw; dx++) {
                float[] column = dx == 0 ? dst : step.poolColumn();
                for (int px = 0; px < outW; px++) {
                    System.arraycopy(vertical, (px * p.strideW() + dx) * block, column, px * block, block);
                }
                if (dx > 0) {
                    max(dst, column);
                }
            }
            biasRelu(dst, dst, b, relu);
        }
    }

    /** dst[t] = max(dst[t], src[t]) over dst's length. */
    private static void max(float[] dst, float[] src) {
        for (int t = 0; t < dst.length; t++) {
            dst[t] = Math.max(dst[t], src[t]);
        }
    }

    private static void biasRelu(float[] src, float[] dst, float b, boolean relu) {
        if (relu) {
            for (int t = 0; t < src.length; t++) {
                dst[t] = Math.max(src[t] + b, 0f);
            }
        } else {
            for (int t = 0; t < src.length; t++) {
                dst[t] = src[t] + b;
            }
        }
    }

    /** The planes as dense-layer features in DL4J's flattening order (channel, y, x): one row each. */
    private float[][] flatten(float[][][] planes) {
        float[][] flat = flatRows;
        int f = 0;
        for (float[][] channel : planes) {
            for (float[] row : channel) {
                for (int x = 0; x < row.length / block; x++) {
                    System.arraycopy(row, x * block, flat[f++], 0, block);
                }
            }
        }
        return flat;
    }

    private void argmax(float[][] logits, int n, int image, int[] predicted, int at, List<Integer> recompute) {
        float[] row = rowScratch;
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < numClasses; j++) {
                row[j] = logits[j][b];
            }
            TopTwo t = TopTwo.of(row, 0, numClasses);
            if (t.nan() || t.gap() <= GUARD * Math.max(1f, Math.abs(t.top()))) {
                recompute.add(image + b);
            } else {
                predicted[at + b] = t.best();
            }
        }
    }
}
