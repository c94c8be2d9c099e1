package io.olmp.prune;

import io.olmp.data.LabeledImages;
import io.olmp.model.Batches;
import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores many threshold candidates on one shard of data: per candidate, the integer count of
 * correct top-1 predictions with its masked weights, and the weights it keeps. The data is read
 * once per call: the shard is cut into chunks, and every candidate predicts each chunk before
 * the next one is built. The given network is never modified: scoring runs on a private copy
 * whose parameters are swapped per candidate. Not thread-safe (one scorer per thread).
 */
public final class CandidateScorer {

    /**
     * Images per forward pass: large enough for efficient matrix products on the LeNets. AlexNet
     * needs far smaller chunks (2,000 images of 227x227x3 are 1.2 GB of input alone): set
     * olmp.scoring.shard-size accordingly.
     */
    public static final int DEFAULT_CHUNK = 2000;

    private final MultiLayerNetwork scratch;
    private final INDArray effectiveParams;
    private final Map<String, INDArray> effectiveWeights;
    private final int chunk;
    private WeightMagnitudes magnitudes; // sorted only when asked for: counts() does not need it

    /**
     * @param net   the model (its weights W are read, never written)
     * @param masks the masks M at the start of this loop; scoring prunes W * M further
     */
    public CandidateScorer(MultiLayerNetwork net, LayerMasks masks) {
        this(net, masks, DEFAULT_CHUNK);
    }

    public CandidateScorer(MultiLayerNetwork net, LayerMasks masks, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        this.chunk = chunk;
        this.scratch = net.clone();
        this.effectiveWeights = MagnitudePruner.effectiveWeights(net, masks);
        MagnitudePruner.applyInPlace(scratch, masks);
        this.effectiveParams = scratch.params().dup();
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
     * Correct predictions of every candidate on the shard, the data read once. A candidate whose
     * scoring throws is reported in {@link ShardCounts#failures()}; the others are still scored.
     */
    public ShardCounts counts(LabeledImages shard, List<LayerThresholds> candidates) {
        int n = candidates.size();
        List<INDArray> params = new ArrayList<>(n);
        String[] failures = new String[n];
        for (int c = 0; c < n; c++) {
            try {
                params.add(maskedParams(candidates.get(c)));
            } catch (RuntimeException e) {
                params.add(null);
                failures[c] = describe(e);
            }
        }
        long[] correct = new long[n];
        for (int from = 0; from < shard.count(); from += chunk) {
            int to = Math.min(shard.count(), from + chunk);
            INDArray features = Batches.features(shard, from, to);
            for (int c = 0; c < n; c++) {
                if (failures[c] != null) {
                    continue;
                }
                try {
                    scratch.setParams(params.get(c));
                    int[] predicted = scratch.output(features, false).argMax(1).toIntVector();
                    for (int i = 0; i < predicted.length; i++) {
                        if (predicted[i] == shard.labels()[from + i]) {
                            correct[c]++;
                        }
                    }
                } catch (RuntimeException e) {
                    failures[c] = describe(e);
                }
            }
        }
        return new ShardCounts(correct, shard.count(), failures);
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

    private INDArray maskedParams(LayerThresholds t) {
        scratch.setParams(effectiveParams);
        effectiveWeights.forEach((name, w) -> scratch.getLayer(name).getParam(LayerWeights.WEIGHT_KEY)
                .muli(MagnitudePruner.mask(w, t.of(name))));
        return scratch.params().dup();
    }
}
