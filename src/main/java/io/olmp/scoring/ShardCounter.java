package io.olmp.scoring;

import io.olmp.prune.LayerThresholds;
import io.olmp.prune.ShardCounts;

import java.util.List;

/**
 * Counts the correct validation predictions of a list of threshold sets on one loop-start model, over the
 * whole validation split: in this JVM ({@link ShardCounters#local}) or on Spark executors. Closing it releases
 * what it holds for that model.
 */
@FunctionalInterface
public interface ShardCounter extends AutoCloseable {

    /** Correct predictions per candidate, in order; a candidate that could not be scored carries its failure. */
    ShardCounts counts(List<LayerThresholds> candidates);

    @Override
    default void close() {}
}
