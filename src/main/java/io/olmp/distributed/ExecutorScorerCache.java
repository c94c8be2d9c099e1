package io.olmp.distributed;

import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Rebuilds the broadcast model once per task thread and model broadcast, not once per task:
 * DL4J's {@code MultiLayerNetwork} is not thread-safe, so each executor thread keeps its own
 * scorer, replaced when a new loop broadcasts a new model.
 */
public final class ExecutorScorerCache {

    private record Entry(long broadcastId, CandidateScorer scorer) {}

    private static final ThreadLocal<Entry> CACHE = new ThreadLocal<>();
    private static final java.util.concurrent.atomic.AtomicLong REBUILDS = new java.util.concurrent.atomic.AtomicLong();

    private ExecutorScorerCache() {}

    static CandidateScorer scorer(Broadcast<ModelRecipe> model, int shardSize) {
        Entry entry = CACHE.get();
        if (entry == null || entry.broadcastId() != model.id()) {
            MultiLayerNetwork net = model.value().rebuild();
            entry = new Entry(model.id(), new CandidateScorer(net, LayerMasks.allKept(net), shardSize));
            CACHE.set(entry);
            REBUILDS.incrementAndGet();
        }
        return entry.scorer();
    }

    /** How many times a model was rebuilt in this JVM (for tests and logs). */
    public static long rebuilds() {
        return REBUILDS.get();
    }
}
