package io.olmp.scoring;

import io.olmp.data.LabeledImages;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Makes the {@link ShardCounter} of each pruning loop. A run holds one and closes it at its end, which
 * releases what the run shares between loops (on Spark: the validation data and its shards).
 */
@FunctionalInterface
public interface ShardCounters extends AutoCloseable {

    /**
     * @param model the model at the loop start (dense W; not modified)
     * @param masks its masks; candidates prune W * M further
     */
    ShardCounter create(MultiLayerNetwork model, LayerMasks masks);

    @Override
    default void close() {}

    /** In-process counting in chunks of {@code shardSize} images. */
    static ShardCounters local(LabeledImages validation, int shardSize) {
        return (model, masks) -> {
            CandidateScorer scorer = new CandidateScorer(model, masks, shardSize);
            return candidates -> scorer.counts(validation, candidates);
        };
    }
}
