package io.olmp.prune;

import io.olmp.config.AdjustMode;
import io.olmp.config.AdjustSolver;
import io.olmp.config.PruneSettings;
import io.olmp.data.ImageSet;
import io.olmp.kernel.train.FastTrainingStep;
import io.olmp.model.Batches;
import io.olmp.model.LayerWeights;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The adjusting step after a pruning loop (docs/method.md, DS adjusting), K SGD iterations with the
 * solver of the network.
 * <ul>
 *   <li>{@code ds} (Dynamic Network Surgery, Guo et al. 2016): the forward pass uses W * M
 *       ({@link MaskedWeightNoise}), the gradient updates all of W, and every
 *       {@code mask-refresh-every} iterations the masks are re-derived with a hysteresis band:
 *       pruned where |w| &lt; e, spliced back where |w| &gt; splice-factor * e, unchanged between.</li>
 *   <li>{@code fixed-mask}: W := W * M before training and after every iteration, so pruned
 *       weights stay exactly zero.</li>
 * </ul>
 * With {@code adjust-solver = restart} the solver starts anew first ({@link #restartSolver}).
 * The batch order is a function of the given seed and the iteration, so a re-run adjusts the
 * same way. Afterwards no noise remains attached; the caller decides when to apply W := W * M.
 * With {@code fastStep}, supported networks are adjusted by {@link FastTrainingStep} given the
 * masks directly (forward with W * M, the same DS semantics) instead of the weight-noise hook.
 */
public final class Adjuster {

    private final PruneSettings settings;
    private final int batchSize;
    private final boolean fastStep;

    public Adjuster(PruneSettings settings, int batchSize, boolean fastStep) {
        this.settings = settings;
        this.batchSize = batchSize;
        this.fastStep = fastStep;
    }

    /**
     * @param masks      refreshed in place (ds) or held fixed (fixed-mask)
     * @param thresholds the absolute thresholds e of this loop (used by ds refreshes)
     * @param progress   receives the number of iterations done, every iteration
     */
    public void adjust(MultiLayerNetwork net, LayerMasks masks, LayerThresholds thresholds, ImageSet train,
                       long batchSeed, LongConsumer progress) {
        int iterations = settings.adjustIterations();
        if (iterations == 0) {
            return;
        }
        if (settings.adjustSolver() == AdjustSolver.RESTART) {
            restartSolver(net);
        }
        Batches batches = new Batches(train, Math.min(batchSize, train.count()), batchSeed);
        boolean ds = settings.adjustMode() == AdjustMode.DS;
        FastTrainingStep fast = fastStep && FastTrainingStep.supports(net) ? FastTrainingStep.of(net) : null;
        Map<String, INDArray> forwardMasks = ds ? masks.byLayer() : Map.of();
        if (ds && fast == null) {
            attach(net, masks);
        } else if (!ds) {
            MagnitudePruner.applyInPlace(net, masks);
        }
        try {
            for (int i = 0; i < iterations; i++) {
                Nd4j.getRandom().setSeed(batchSeed * 31 + i); // dropout, if any, repeats on a re-run
                if (fast != null) {
                    fast.step(batches, i, forwardMasks);
                } else {
                    net.fit(batches.batch(i));
                }
                if (ds) {
                    if ((i + 1) % settings.maskRefreshEvery() == 0) {
                        refresh(net, masks, thresholds, settings.spliceFactor());
                    }
                } else {
                    MagnitudePruner.applyInPlace(net, masks);
                }
                progress.accept(i + 1);
            }
        } finally {
            if (ds && fast == null) {
                detach(net, masks);
            }
        }
    }

    /** A new solver, as a Caffe retraining starts one: schedule at iteration 0, momentum (updater state) zero. */
    static void restartSolver(MultiLayerNetwork net) {
        net.setIterationCount(0);
        net.setEpochCount(0);
        INDArray state = net.getUpdater(true).getStateViewArray();
        if (state != null) {
            state.assign(0);
        }
    }

    static void attach(MultiLayerNetwork net, LayerMasks masks) {
        masks.byLayer().forEach((name, mask) ->
                ((BaseLayer) net.getLayer(name).conf().getLayer()).setWeightNoise(new MaskedWeightNoise(mask)));
    }

    static void detach(MultiLayerNetwork net, LayerMasks masks) {
        masks.byLayer().keySet().forEach(name -> ((BaseLayer) net.getLayer(name).conf().getLayer()).setWeightNoise(null));
    }

    /** DS hysteresis: M = 0 where |W| &lt; e, M = 1 where |W| &gt; factor * e, unchanged between. */
    static void refresh(MultiLayerNetwork net, LayerMasks masks, LayerThresholds thresholds, double factor) {
        masks.byLayer().forEach((name, mask) -> {
            double e = thresholds.of(name);
            INDArray magnitude = Transforms.abs(net.getLayer(name).getParam(LayerWeights.WEIGHT_KEY), true);
            INDArray prune = magnitude.lt(e).castTo(mask.dataType());
            INDArray splice = magnitude.gt(factor * e).castTo(mask.dataType());
            // M' = (M and not prune) or splice; prune and splice never both hold since factor >= 1
            mask.muli(prune.rsub(1)).addi(splice);
            mask.assign(mask.gt(0).castTo(mask.dataType()));
        });
    }
}
