package io.olmp.distributed;

import io.olmp.kernel.BlasThreads;
import io.olmp.prune.CandidateScorer;
import io.olmp.prune.LayerMasks;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The executor JVM's scorers of the current model broadcast (its value, by identity): a task borrows one, scores its shards
 * and gives it back, so the model is rebuilt only as many times as tasks ever ran at once on this
 * executor during the loop, not once per task. DL4J's {@code MultiLayerNetwork} is not
 * thread-safe, so a scorer serves one task at a time. Spark renames and replaces its task threads
 * freely, so a per-thread cache rebuilt the model every few generations. A new loop's broadcast
 * replaces the pool.
 */
public final class ExecutorScorerCache {

    private static final AtomicLong REBUILDS = new AtomicLong();
    private static ModelRecipe current; // by identity: broadcast ids start again at 0 in every Spark context
    private static final Deque<CandidateScorer> IDLE = new ArrayDeque<>();

    private ExecutorScorerCache() {}

    /**
     * Runs {@code work} with a scorer of this model broadcast, borrowed for the call. The scorer
     * scores {@code lanes} candidates at once (the task's cores), each with single-threaded products:
     * Spark already runs one task per core, and tasks that each spread over every core ran 1.2-1.6x
     * slower than the same work in one process (LeNet-5 and LeNet-300-100 on local[2]).
     */
    static <T> T withScorer(Broadcast<ModelRecipe> model, int shardSize, int lanes, Function<CandidateScorer, T> work) {
        ModelRecipe recipe = model.value();
        CandidateScorer scorer = borrow(recipe);
        if (scorer == null) {
            MultiLayerNetwork net = recipe.rebuild();
            scorer = CandidateScorer.withLanes(net, LayerMasks.allKept(net), shardSize, lanes);
            REBUILDS.incrementAndGet();
        }
        try (BlasThreads single = BlasThreads.single()) {
            return work.apply(scorer);
        } finally {
            giveBack(recipe, scorer);
        }
    }

    private static synchronized CandidateScorer borrow(ModelRecipe recipe) {
        if (recipe != current) {
            IDLE.clear();
            current = recipe;
        }
        return IDLE.pollFirst();
    }

    private static synchronized void giveBack(ModelRecipe recipe, CandidateScorer scorer) {
        if (recipe == current) {
            IDLE.addFirst(scorer);
        }
    }

    /** How many times a model was rebuilt in this JVM (for tests and logs). */
    public static long rebuilds() {
        return REBUILDS.get();
    }
}
