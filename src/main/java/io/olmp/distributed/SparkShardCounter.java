package io.olmp.distributed;

import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.ShardCounts;
import io.olmp.scoring.ShardCounter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * Counts one loop's candidates on Spark executors. The loop's effective model W * M is broadcast once (and the
 * broadcast destroyed on {@link #close()}); per generation the thresholds travel in the tasks and every task scores
 * all candidates on its shard; the driver sums the integer counts. Made by {@link SparkShardCounters}.
 */
final class SparkShardCounter implements ShardCounter {

    private final JavaSparkContext spark;
    private final JavaRDD<ValidationShard> shards;
    private final int shardSize;
    private final Broadcast<ModelRecipe> model;

    SparkShardCounter(JavaSparkContext spark, JavaRDD<ValidationShard> shards, int shardSize, MultiLayerNetwork model,
                      LayerMasks masks) {
        this.spark = spark;
        this.shards = shards;
        this.shardSize = shardSize;
        this.model = spark.broadcast(ModelRecipe.of(MagnitudePruner.prunedCopy(model, masks)));
    }

    @Override
    public ShardCounts counts(List<LayerThresholds> candidates) {
        return shards.mapPartitions(new ScoreShardFunction(model, CandidateBatch.of(candidates), shardSize))
                .fold(ShardCounts.empty(candidates.size()), ShardCounts::plus);
    }

    @Override
    public void close() {
        model.destroy();
    }
}
