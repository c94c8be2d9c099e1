package io.olmp.kernel;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Top-1 predictions of masked copies of one network, equal to DL4J's {@code output()} argmax but
 * without its generic layer stack.
 *
 * <p>When the network has the {@link DirectLane}'s shape (LeNet-5: stride-1 convolutions, pooling,
 * dense layers; LeNet-300-100: dense layers), each candidate whose kept weights do at most {@link #DIRECT_MAX_KEPT_MACS} of the
 * dense multiply-adds is scored there, multiplying only its kept weights; the rows it cannot
 * decide safely (top logits within its guard) are scored again on the exact path below. Measured
 * on LeNet-5, the direct lane is faster than the exact path even for unpruned candidates, so the
 * bound is 1; networks of dense layers only (LeNet-300-100) go direct up to
 * {@link #DENSE_ONLY_DIRECT_MAX_KEPT_MACS}.
 *
 * <p>The exact path, per pass of images: the first weighted layer runs once for
 * all candidates of the generation (one product against their weights side by side; a first
 * convolution's im2col is shared); then per candidate, each convolution is im2col into a
 * preallocated buffer plus one ND4J product, pooling and bias/ReLU are Java loops, and dense
 * layers are one product each. Every product has DL4J's operand layouts (convolution: patches
 * row-major times weights column-major into a column-major result; dense: row-major input times
 * DL4J's column-major W into a row-major result), so the sums are DL4J's.
 *
 * <p>Bias and ReLU before a max-pooling are applied after it: rounding is monotone, so
 * max(x_i) + b == max(x_i + b) and relu(max) == max(relu) exactly, on a quarter of the values.
 *
 * <p>The argmax is taken on the logits. Softmax keeps their order but can round two different
 * logits to the same probability; DL4J's argmax then picks the first. Rows whose top two logits
 * are within {@link #NEAR_TIE} (or hold NaN) are therefore passed through the output layer's own
 * DL4J activation and ND4J's argmax, exactly as {@code output()} would; {@link #nearTieRows()}
 * counts them.
 *
 * <p>Per pass, the candidates are spread over {@link CandidateLane}s that run on parallel threads,
 * each with its own buffers and single-threaded products ({@link BlasThreads}); a candidate's
 * result does not depend on its lane.
 *
 * <p>Not thread-safe: one kernel per calling thread. The network is read once, at construction.
 */
public final class ScoringKernel {

    /** Logit gap below which the row's argmax is taken on DL4J's softmax instead. */
    public static final float NEAR_TIE = 1e-4f;
    /** Default size of the largest per-pass buffer, in floats (16 MB). */
    public static final long DEFAULT_BUFFER_FLOATS = 1L << 22;
    /** Default number of candidates scored at once: one per core. */
    public static final int DEFAULT_LANES = Runtime.getRuntime().availableProcessors();
    /**
     * A candidate goes through the {@link DirectLane} (when the network has one) if its kept
     * weights do at most this fraction of the dense pass's multiply-adds.
     */
    public static final double DIRECT_MAX_KEPT_MACS = 1.0;
    /**
     * The bound for networks without convolutions (LeNet-300-100), whose exact path is one dense
     * product per layer at close to the GEMM rate: measured there, a generation took 0.14 s direct
     * and 0.26 s exact at 10 % kept, 0.31 s and 0.27 s at 49 % kept.
     */
    public static final double DENSE_ONLY_DIRECT_MAX_KEPT_MACS = 0.35;

    private final ForwardPlan plan;
    private final List<ForwardStage> stages;
    private final List<ForwardStage> weighted;
    private final String[] names;
    private final float[][] effective; // W * M per weighted stage, in operand layout
    private final int passImages;
    private final CandidateLane[] lanes;
    private final DirectLane[] directLanes; // null: the network's stages are not the direct lane's
    private final long[] macsPerWeight;     // by weighted stage
    private final double directMaxKeptMacs;
    private long recomputedRows;

    private final OffHeapMatrix firstInput;
    private OffHeapMatrix firstOutput;              // dense first layer: row-major [n, out x candidates]
    private final ProductResult firstConvOutput = new ProductResult(); // first convolution: column-major
    private final float[] rowScratch;

    /**
     * @param net                the network (configuration and biases are read; not kept)
     * @param effectiveWeights   W * M by prunable layer name: the weights candidates prune further
     * @param maxImagesPerPass   upper bound on images per forward pass
     * @param bufferFloats       size bound of the largest per-pass buffer (sets the pass size)
     */
    public ScoringKernel(MultiLayerNetwork net, Map<String, INDArray> effectiveWeights, int maxImagesPerPass,
                         long bufferFloats) {
        this(net, effectiveWeights, maxImagesPerPass, bufferFloats, DEFAULT_LANES);
    }

    /**
     * @param lanes how many candidates are scored at once, each on its own thread (of the common
     *              fork-join pool and the caller) with its own buffers; predictions do not depend on it
     */
    public ScoringKernel(MultiLayerNetwork net, Map<String, INDArray> effectiveWeights, int maxImagesPerPass,
                         long bufferFloats, int lanes) {
        this(net, effectiveWeights, maxImagesPerPass, bufferFloats, lanes, Double.NaN);
    }

    /**
     * @param directMaxKeptMacs a candidate goes through the direct lane when its kept weights do at
     *                          most this fraction of the dense pass's multiply-adds (negative: never;
     *                          NaN: {@link #DIRECT_MAX_KEPT_MACS}, or {@link #DENSE_ONLY_DIRECT_MAX_KEPT_MACS}
     *                          for a network without convolutions)
     */
    public ScoringKernel(MultiLayerNetwork net, Map<String, INDArray> effectiveWeights, int maxImagesPerPass,
                         long bufferFloats, int lanes, double directMaxKeptMacs) {
        if (lanes < 1) {
            throw new IllegalArgumentException("scoring kernel: lanes must be >= 1, got " + lanes);
        }
        this.plan = ForwardPlan.of(net);
        this.stages = plan.stages();
        boolean denseOnly = stages.stream().noneMatch(s -> s instanceof ForwardStage.Conv);
        this.directMaxKeptMacs = !Double.isNaN(directMaxKeptMacs) ? directMaxKeptMacs
                : denseOnly ? DENSE_ONLY_DIRECT_MAX_KEPT_MACS : DIRECT_MAX_KEPT_MACS;
        this.weighted = plan.weighted();
        if (weighted.get(0) != stages.get(0)) {
            throw new IllegalArgumentException("scoring kernel: the first layer must be a convolution or dense layer");
        }
        int w = weighted.size();
        names = new String[w];
        effective = new float[w][];
        float[][] biases = new float[w][];
        for (int i = 0; i < w; i++) {
            ForwardStage s = weighted.get(i);
            int layerIndex = s instanceof ForwardStage.Conv c ? c.layerIndex() : ((ForwardStage.Dense) s).layerIndex();
            Layer layer = net.getLayer(layerIndex);
            names[i] = s instanceof ForwardStage.Conv c ? c.name() : ((ForwardStage.Dense) s).name();
            INDArray weights = effectiveWeights.get(names[i]);
            if (weights == null) {
                throw new IllegalArgumentException("scoring kernel: no weights given for layer " + names[i]
                        + "; have " + effectiveWeights.keySet());
            }
            // convolution [out, in, kH, kW] row-major is DL4J's [patch, out] column-major operand;
            // dense W [in, out] is used column-major as DL4J stores it
            effective[i] = weights.dup(s instanceof ForwardStage.Conv ? 'c' : 'f').castTo(DataType.FLOAT).data().asFloat();
            biases[i] = layer.getParam("b").dup('c').castTo(DataType.FLOAT).data().asFloat();
        }
        ForwardStage.Dense last = (ForwardStage.Dense) stages.get(stages.size() - 1);
        IActivation outputActivation = ((BaseLayer) net.getLayer(last.layerIndex()).conf().getLayer()).getActivationFn();

        long perImage = 1;
        long activations = plan.input().size();
        int scratch = 1;
        for (int i = 0; i < stages.size(); i++) {
            ForwardStage s = stages.get(i);
            if (s instanceof ForwardStage.Conv c) {
                perImage = Math.max(perImage, (long) c.rowsPerImage() * Math.max(c.patch(), c.out().channels()));
                activations = Math.max(activations, c.out().size());
                scratch = Math.max(scratch, c.rowsPerImage() * c.patch());
            } else if (s instanceof ForwardStage.Dense d) {
                perImage = Math.max(perImage, Math.max(d.nIn(), d.nOut()));
                activations = Math.max(activations, d.nOut());
                scratch = Math.max(scratch, d.nIn());
            }
        }
        passImages = (int) Math.max(1, Math.min(maxImagesPerPass, bufferFloats / perImage));
        firstInput = new OffHeapMatrix(passImages * firstRows(1) * firstK());
        rowScratch = new float[scratch];
        this.lanes = new CandidateLane[lanes];
        for (int l = 0; l < lanes; l++) {
            this.lanes[l] = new CandidateLane(stages, weighted, biases, lrnLayers(net), outputActivation,
                    plan.numClasses(), passImages, passImages * perImage, (int) (passImages * activations), scratch);
        }
        this.macsPerWeight = new long[w];
        for (int i = 0; i < w; i++) {
            macsPerWeight[i] = weighted.get(i) instanceof ForwardStage.Conv c ? c.out().plane() : 1;
        }
        if (this.directMaxKeptMacs >= 0 && DirectLane.supports(stages)) {
            this.directLanes = new DirectLane[lanes];
            for (int l = 0; l < lanes; l++) {
                directLanes[l] = DirectLane.of(plan.input(), stages, biases, plan.numClasses());
            }
        } else {
            this.directLanes = null;
        }
    }

    /** The LRN layers by stage index, of a private copy: DL4J layers keep their input. */
    private Layer[] lrnLayers(MultiLayerNetwork net) {
        Layer[] lrn = new Layer[stages.size()];
        MultiLayerNetwork owner = null;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof ForwardStage.Lrn l) {
                owner = owner == null ? net.clone() : owner;
                lrn[i] = owner.getLayer(l.layerIndex());
            }
        }
        return lrn;
    }

    public ForwardPlan plan() {
        return plan;
    }

    public int passImages() {
        return passImages;
    }

    /** The direct lane's logits [class][image] of images [start, start + n), n at most one block (tests). */
    float[][] directLogits(MaskedCandidate candidate, float[] pixels, int start, int n) {
        return directLanes[0].block(candidate.kept, pixels, start, n);
    }

    /** Whether candidates can go through the {@link DirectLane} (the network has its shape). */
    public boolean hasDirectLane() {
        return directLanes != null;
    }

    /**
     * Rows the direct lane handed back because their top logits were within its guard, and which
     * were then scored on the exact path.
     */
    public long recomputedRows() {
        return recomputedRows;
    }

    /** Rows whose argmax was taken through DL4J's softmax because their top logits nearly tie. */
    public long nearTieRows() {
        long rows = 0;
        for (CandidateLane lane : lanes) {
            rows += lane.nearTieRows();
        }
        return rows;
    }

    /**
     * Masks the effective weights with per-layer magnitude thresholds: a weight is kept when
     * |w| &gt;= e (compared in float, as ND4J compares a float array with a scalar) and w != 0;
     * a pruned weight is w * 0, as DL4J's masked copy holds it.
     */
    public MaskedCandidate mask(Map<String, Double> thresholds) {
        float[] first = null;
        float[][] rest = new float[weighted.size() - 1][];
        int[][] restShapes = new int[weighted.size() - 1][];
        NonZeroRows[] kept = directLanes == null ? null : new NonZeroRows[weighted.size()];
        double keptMacs = 0;
        double denseMacs = 0;
        for (int i = 0; i < weighted.size(); i++) {
            Double e = thresholds.get(names[i]);
            if (e == null) {
                throw new IllegalArgumentException("no threshold for layer " + names[i] + "; have " + thresholds.keySet());
            }
            float threshold = e.floatValue();
            float[] src = effective[i];
            float[] masked = new float[src.length];
            int nonZero = 0;
            for (int k = 0; k < src.length; k++) {
                float magnitude = Math.abs(src[k]);
                boolean keep = magnitude >= threshold && magnitude > 0;
                masked[k] = keep ? src[k] : 0f;
                nonZero += keep ? 1 : 0;
            }
            int[] shape = operandShape(weighted.get(i));
            if (kept != null) {
                kept[i] = NonZeroRows.of(masked, shape[1], shape[0], DirectLane.sourceOf(weighted.get(i)));
            }
            keptMacs += (double) nonZero * macsPerWeight[i];
            denseMacs += (double) masked.length * macsPerWeight[i];
            if (i == 0) {
                first = masked;
            } else {
                rest[i - 1] = masked;
                restShapes[i - 1] = shape;
            }
        }
        return new MaskedCandidate(first, rest, restShapes, kept, keptMacs / denseMacs);
    }

    /**
     * Sends each candidate to the direct lane or the exact path, and puts the exact candidates'
     * first-layer weights side by side: [in, out x candidates], column-major.
     */
    public Generation generation(List<MaskedCandidate> candidates) {
        List<Integer> direct = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            MaskedCandidate m = candidates.get(c);
            (m.kept != null && m.keptMacFraction <= directMaxKeptMacs ? direct : exact).add(c);
        }
        INDArray side = exact.isEmpty() ? null : firstWeights(exact.stream().map(candidates::get).toList());
        return new Generation(candidates, direct.stream().mapToInt(Integer::intValue).toArray(),
                exact.stream().mapToInt(Integer::intValue).toArray(), side);
    }

    /** The candidates' first-layer weights side by side: [in, out x candidates], column-major. */
    private INDArray firstWeights(List<MaskedCandidate> candidates) {
        int[] shape = operandShape(weighted.get(0));
        INDArray side = Nd4j.createUninitializedDetached(DataType.FLOAT, 'f', shape[0], (long) shape[1] * candidates.size());
        FloatBuffer f = side.data().asNio().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        int block = shape[0] * shape[1];
        for (int c = 0; c < candidates.size(); c++) {
            f.put(c * block, candidates.get(c).first);
        }
        return side;
    }

    /**
     * Predicted classes of images [from, to) of {@code pixels} (flattened C x H x W per image)
     * for every candidate of the generation: predicted[c][i - from].
     */
    public int[][] predict(Generation generation, float[] pixels, int from, int to) {
        long inputs = plan.input().size();
        if (from < 0 || to < from || (long) to * inputs > pixels.length) {
            throw new IllegalArgumentException("images [" + from + ", " + to + ") of " + inputs
                    + " values each are not within " + pixels.length + " pixel values");
        }
        int[][] predicted = new int[generation.size()][to - from];
        if (generation.exact.length > 0) {
            List<MaskedCandidate> exact = new ArrayList<>();
            int[][] rows = new int[generation.exact.length][];
            for (int e = 0; e < rows.length; e++) {
                exact.add(generation.candidates.get(generation.exact[e]));
                rows[e] = predicted[generation.exact[e]];
            }
            predictExact(exact, generation.firstWeights, pixels, from, to, rows);
        }
        if (generation.direct.length > 0) {
            predictDirect(generation, pixels, from, to, predicted);
        }
        return predicted;
    }

    private void predictExact(List<MaskedCandidate> candidates, INDArray firstWeights, float[] pixels, int from,
                              int to, int[][] predicted) {
        for (int start = from; start < to; start += passImages) {
            int n = Math.min(passImages, to - start);
            pass(candidates, firstWeights, pixels, start, n, predicted, start - from);
        }
    }

    /** The direct candidates on parallel direct lanes, then their guarded rows on the exact path. */
    private void predictDirect(Generation g, float[] pixels, int from, int to, int[][] predicted) {
        int[] direct = g.direct;
        @SuppressWarnings("unchecked")
        List<Integer>[] recompute = new List[direct.length];
        int used = Math.min(directLanes.length, direct.length);
        IntStream.range(0, used).parallel().forEach(l -> {
            List<Integer> mine = new ArrayList<>();
            for (int d = l; d < direct.length; d += directLanes.length) {
                mine.add(d);
            }
            List<List<Integer>> rows = directLanes[l].predict(mine.stream().map(d -> g.candidates.get(direct[d]).kept).toList(),
                    pixels, from, to, mine.stream().map(d -> predicted[direct[d]]).toList());
            for (int k = 0; k < mine.size(); k++) {
                recompute[mine.get(k)] = rows.get(k);
            }
        });
        int size = plan.input().size();
        for (int d = 0; d < direct.length; d++) {
            List<Integer> images = recompute[d];
            if (images.isEmpty()) {
                continue;
            }
            float[] gathered = new float[images.size() * size];
            for (int i = 0; i < images.size(); i++) {
                System.arraycopy(pixels, images.get(i) * size, gathered, i * size, size);
            }
            MaskedCandidate candidate = g.candidates.get(direct[d]);
            int[][] exact = new int[1][images.size()];
            predictExact(List.of(candidate), firstWeights(List.of(candidate)), gathered, 0, images.size(), exact);
            for (int i = 0; i < images.size(); i++) {
                predicted[direct[d]][images.get(i) - from] = exact[0][i];
            }
            recomputedRows += images.size();
        }
    }

    private void pass(List<MaskedCandidate> cands, INDArray firstWeights, float[] pixels, int start, int n,
                      int[][] predicted, int at) {
        int candidates = cands.size();
        ForwardStage first = stages.get(0);
        int rows = firstRows(n);
        int k = firstK();
        int outPerCandidate = operandShape(first)[1];
        int width = outPerCandidate * candidates;
        FloatBuffer firstProduct;
        if (first instanceof ForwardStage.Conv c) {
            PatchMatrix.fromImages(pixels, start, n, c, firstInput.floats(), rowScratch);
            firstInput.view(rows, k, 'c').mmuli(firstWeights, firstConvOutput.of(rows, width));
            firstProduct = firstConvOutput.floats();
        } else {
            if (firstOutput == null || firstOutput.capacity() < (long) rows * width) {
                firstOutput = new OffHeapMatrix((long) firstRows(passImages) * width);
            }
            firstInput.floats().put(0, pixels, start * k, n * k);
            firstInput.view(rows, k, 'c').mmuli(firstWeights, firstOutput.view(rows, width, 'c'));
            firstProduct = firstOutput.floats();
        }

        int used = Math.min(lanes.length, candidates);
        if (used == 1) {
            for (int c = 0; c < candidates; c++) {
                lanes[0].score(cands.get(c), c, candidates, firstProduct, n, predicted[c], at);
            }
            return;
        }
        try (BlasThreads single = BlasThreads.single()) {
            IntStream.range(0, used).parallel().forEach(l -> {
                for (int c = l; c < candidates; c += lanes.length) {
                    lanes[l].score(cands.get(c), c, candidates, firstProduct, n, predicted[c], at);
                }
            });
        }
    }

    private int firstRows(int images) {
        ForwardStage s = stages.get(0);
        return s instanceof ForwardStage.Conv c ? images * c.rowsPerImage() : images;
    }

    private int firstK() {
        return operandShape(stages.get(0))[0];
    }

    /** [in, out] of a weighted stage's weight operand. */
    private static int[] operandShape(ForwardStage s) {
        if (s instanceof ForwardStage.Conv c) {
            return new int[] {c.patch(), c.out().channels()};
        }
        ForwardStage.Dense d = (ForwardStage.Dense) s;
        return new int[] {d.nIn(), d.nOut()};
    }
}
