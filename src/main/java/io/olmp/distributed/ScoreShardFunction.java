package io.olmp.distributed;

import io.olmp.prune.ShardCounts;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import java.util.Iterator;
import java.util.List;

/**
 * The task: score every candidate of the generation on each shard (by index) of the partition.
 * A top-level class holding the run's and the loop's broadcasts and the generation's thresholds
 * (a few numbers per candidate, cheaper in the task than as a broadcast made and destroyed every
 * generation), so no closure captures driver state.
 */
final class ScoreShardFunction implements FlatMapFunction<Iterator<ValidationShard>, ShardCounts> {

    private static final long serialVersionUID = 1L;
    private final Broadcast<ModelRecipe> model;
    private final CandidateBatch candidates;
    private final int shardSize;

    ScoreShardFunction(Broadcast<ModelRecipe> model, CandidateBatch candidates, int shardSize) {
        this.model = model;
        this.candidates = candidates;
        this.shardSize = shardSize;
    }

    /** Fault injection: with this system property set on executors, every task's first attempt fails. */
    static final String FAIL_FIRST_ATTEMPT = "olmp.fault.fail-first-attempt";

    @Override
    public Iterator<ShardCounts> call(Iterator<ValidationShard> shards) {
        TaskContext task = TaskContext.get();
        if (Boolean.getBoolean(FAIL_FIRST_ATTEMPT) && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected task failure (" + FAIL_FIRST_ATTEMPT + ")");
        }
        GpuBinding.bindCurrentTask();
        var thresholds = candidates.toThresholds();
        ShardCounts sum = ExecutorScorerCache.withScorer(model, shardSize, task == null ? 1 : Math.max(1, task.cpus()), scorer -> {
            ShardCounts counts = ShardCounts.empty(thresholds.size());
            while (shards.hasNext()) {
                counts = counts.plus(scorer.counts(shards.next().images(), thresholds));
            }
            return counts;
        });
        return List.of(sum).iterator();
    }
}
