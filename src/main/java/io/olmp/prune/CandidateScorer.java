package io.olmp.prune;

import io.olmp.data.LabeledImages;
import io.olmp.kernel.FeatureShape;
import io.olmp.kernel.MaskedCandidate;
import io.olmp.kernel.ScoringKernel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores many threshold candidates on one shard of data: per candidate, the integer count of
 * correct top-1 predictions with its masked weights, and the weights it keeps. Predictions come
 * from the {@link ScoringKernel} (a forward pass built for this job, whose predictions equal DL4J's
 * masked {@code output()}), which reads the data once per group of candidates. A group is as many
 * candidates as their masked weight copies fit in a quarter of this JVM's heap (every candidate of a
 * LeNet generation at once; a few at a time for AlexNet), so memory does not grow with the population.
 * Counts do not depend on the grouping. The given network is never modified: the kernel copies what it
 * needs at construction. Not thread-safe (one scorer per thread).
 */
public final class CandidateScorer {

    /**
     * Upper bound on images per forward pass; the kernel also bounds it by its buffer size, so
     * AlexNet-sized inputs get small passes by themselves.
     */
    public static final int DEFAULT_CHUNK = 2000;

    private final ScoringKernel kernel;
    private final Map<String, INDArray> effectiveWeights;
    private final int candidatesPerGroup;
    private WeightMagnitudes magnitudes; // sorted only when asked for: counts() does not need it

    /**
     * @param net   the model (its weights W are read, never written)
     * @param masks the masks M at the start of this loop; scoring prunes W * M further
     */
    public CandidateScorer(MultiLayerNetwork net, LayerMasks masks) {
        this(net, masks, DEFAULT_CHUNK);
    }

    public CandidateScorer(MultiLayerNetwork net, LayerMasks masks, int chunk) {
        this(net, masks, chunk, Runtime.getRuntime().maxMemory() / 4);
    }

    /** @param candidateBytes memory for the candidates' masked weight copies of one group */
    CandidateScorer(MultiLayerNetwork net, LayerMasks masks, int chunk, long candidateBytes) {
        this(net, masks, chunk, candidateBytes, ScoringKernel.DEFAULT_LANES);
    }

    /**
     * A scorer whose kernel scores {@code lanes} candidates at once: 1 scores them on the calling
     * thread only, as a Spark task that owns one core should.
     */
    public static CandidateScorer withLanes(MultiLayerNetwork net, LayerMasks masks, int chunk, int lanes) {
        return new CandidateScorer(net, masks, chunk, Runtime.getRuntime().maxMemory() / 4, lanes);
    }

    private CandidateScorer(MultiLayerNetwork net, LayerMasks masks, int chunk, long candidateBytes, int lanes) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        this.effectiveWeights = MagnitudePruner.effectiveWeights(net, masks);
        this.kernel = new ScoringKernel(net, effectiveWeights, chunk, ScoringKernel.DEFAULT_BUFFER_FLOATS, lanes);
        this.candidatesPerGroup = candidatesPerGroup(effectiveWeights, candidateBytes);
    }

    /**
     * How many candidates are masked and scored together: a candidate's copy costs about 8 bytes per weight
     * (its masked floats, plus the first layer's concatenated copy and the kept-weight index); at least one.
     */
    static int candidatesPerGroup(Map<String, INDArray> weights, long candidateBytes) {
        long perCandidate = 8 * Math.max(1, weights.values().stream().mapToLong(INDArray::length).sum());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, candidateBytes / perCandidate));
    }

    /** The most candidates one pass over the data scores together. */
    public int candidatesPerGroup() {
        return candidatesPerGroup;
    }

    public WeightMagnitudes magnitudes() {
        if (magnitudes == null) {
            magnitudes = WeightMagnitudes.of(effectiveWeights);
        }
        return magnitudes;
    }

    public List<CandidateResult> score(LabeledImages shard, List<LayerThresholds> candidates) {
        ShardCounts counts = counts(shard, candidates);
        List<CandidateResult> results = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            if (counts.failures()[c] != null) {
                throw new IllegalStateException("candidate " + c + " failed: " + counts.failures()[c]);
            }
            results.add(result(magnitudes(), candidates.get(c), counts.correct()[c], counts.total()));
        }
        return results;
    }

    /**
     * Correct predictions of every candidate on the shard, the data read once per group of
     * {@link #candidatesPerGroup()} candidates. A candidate whose scoring throws is reported in
     * {@link ShardCounts#failures()}; the others are still scored.
     */
    public ShardCounts counts(LabeledImages shard, List<LayerThresholds> candidates) {
        int n = candidates.size();
        if (n <= candidatesPerGroup) {
            return countsOfGroup(shard, candidates);
        }
        long[] correct = new long[n];
        String[] failures = new String[n];
        for (int from = 0; from < n; from += candidatesPerGroup) {
            int to = Math.min(n, from + candidatesPerGroup);
            ShardCounts group = countsOfGroup(shard, candidates.subList(from, to));
            System.arraycopy(group.correct(), 0, correct, from, to - from);
            System.arraycopy(group.failures(), 0, failures, from, to - from);
        }
        return new ShardCounts(correct, shard.count(), failures);
    }

    private ShardCounts countsOfGroup(LabeledImages shard, List<LayerThresholds> candidates) {
        int n = candidates.size();
        String[] failures = new String[n];
        List<MaskedCandidate> masked = new ArrayList<>(n);
        List<Integer> scored = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            try {
                masked.add(kernel.mask(candidates.get(c).byLayer()));
                scored.add(c);
            } catch (RuntimeException e) {
                failures[c] = describe(e);
            }
        }
        long[] correct = new long[n];
        try {
            requireShape(shard);
            int[][] predicted = kernel.predict(kernel.generation(masked), shard.pixels(), 0, shard.count());
            for (int j = 0; j < predicted.length; j++) {
                long hits = 0;
                for (int i = 0; i < predicted[j].length; i++) {
                    if (predicted[j][i] == shard.labels()[i]) {
                        hits++;
                    }
                }
                correct[scored.get(j)] = hits;
            }
        } catch (RuntimeException e) {
            scored.forEach(c -> failures[c] = describe(e));
        }
        return new ShardCounts(correct, shard.count(), failures);
    }

    private void requireShape(LabeledImages shard) {
        FeatureShape in = kernel.plan().input();
        if (shard.featureLength() != in.size() || shard.numClasses() != kernel.plan().numClasses()) {
            throw new IllegalArgumentException(shard.name() + ": images of " + shard.channels() + "x" + shard.height()
                    + "x" + shard.width() + " with " + shard.numClasses() + " classes do not fit the network ("
                    + in.size() + " inputs, " + kernel.plan().numClasses() + " classes)");
        }
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A candidate's counts plus the weights its thresholds keep (computed from the magnitudes alone). */
    public static CandidateResult result(WeightMagnitudes magnitudes, LayerThresholds t, long correct, long total) {
        Map<String, Long> kept = new LinkedHashMap<>();
        boolean disconnected = false;
        for (String layer : magnitudes.layers()) {
            long k = magnitudes.kept(layer, t.of(layer));
            kept.put(layer, k);
            disconnected |= k == 0;
        }
        return new CandidateResult(correct, total, kept, magnitudes.totalSize(), disconnected);
    }
}
