package io.olmp.pipeline;

import io.olmp.data.LabeledImages;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.ThresholdCodec;
import io.olmp.prune.WeightMagnitudes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Makes the evaluator of one pruning loop: in this JVM, or on Spark. */
@FunctionalInterface
public interface EvaluatorFactory {

    /**
     * @param model      the model at the loop start (dense W; not modified)
     * @param masks      its masks; candidates prune W * M further
     * @param magnitudes sorted |W * M| per layer
     */
    ThresholdEvaluator create(MultiLayerNetwork model, LayerMasks masks, WeightMagnitudes magnitudes, ThresholdCodec codec);

    /** In-process scoring in chunks of {@code shardSize} images. */
    static EvaluatorFactory local(LabeledImages validation, int shardSize) {
        return (model, masks, magnitudes, codec) ->
                new LocalEvaluator(new CandidateScorer(model, masks, shardSize), codec, magnitudes, validation);
    }
}
