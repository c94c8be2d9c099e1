package io.olmp.distributed;

import io.olmp.data.LabeledImages;
import io.olmp.pipeline.EvaluatorFactory;
import io.olmp.pipeline.ThresholdEvaluator;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.ThresholdCodec;
import io.olmp.prune.WeightMagnitudes;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * Scores each generation on Spark executors. Per loop the effective model W * M is broadcast
 * once (and the broadcast destroyed when the loop ends); per generation the thresholds are
 * broadcast and every task scores all candidates on its shards; the driver sums the integer
 * counts. Given a Spark context, never creating one.
 */
public final class SparkEvaluator extends ThresholdEvaluator {

    private final JavaRDD<ValidationShard> shards;
    private final Broadcast<ModelRecipe> model;
    private final JavaSparkContext spark;
    private final int shardSize;

    SparkEvaluator(JavaSparkContext spark, JavaRDD<ValidationShard> shards, int shardSize, MultiLayerNetwork model,
                   LayerMasks masks, WeightMagnitudes magnitudes, ThresholdCodec codec) {
        super(codec, magnitudes);
        this.spark = spark;
        this.shards = shards;
        this.shardSize = shardSize;
        MultiLayerNetwork effective = model.clone();
        MagnitudePruner.applyInPlace(effective, masks);
        this.model = spark.broadcast(ModelRecipe.of(effective));
    }

    /**
     * A factory whose evaluators share one persisted RDD of validation shards, one shard per
     * partition. The shards are cut from the driver's copy of the validation split once per run.
     */
    public static EvaluatorFactory factory(JavaSparkContext spark, LabeledImages validation, int shardSize) {
        List<ValidationShard> cut = ValidationShard.cut(validation, shardSize);
        JavaRDD<ValidationShard> shards = spark.parallelize(cut, cut.size()).persist(StorageLevel.MEMORY_ONLY());
        return (model, masks, magnitudes, codec) ->
                new SparkEvaluator(spark, shards, shardSize, model, masks, magnitudes, codec);
    }

    @Override
    protected ShardCounts counts(List<LayerThresholds> candidates) {
        Broadcast<CandidateBatch> batch = spark.broadcast(CandidateBatch.of(candidates));
        try {
            return shards.mapPartitions(new ScoreShardFunction(model, batch, shardSize))
                    .fold(ShardCounts.empty(candidates.size()), ShardCounts::plus);
        } finally {
            batch.destroy();
        }
    }

    @Override
    public void close() {
        model.destroy();
    }
}
