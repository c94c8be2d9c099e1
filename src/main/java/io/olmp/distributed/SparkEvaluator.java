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
 * counts. Given a Spark context, never creating one. The validation data reaches executors as a
 * broadcast made once per run (small data only; see {@link #factory}).
 */
public final class SparkEvaluator extends ThresholdEvaluator {

    private final Broadcast<List<ValidationShard>> data;
    private final JavaRDD<Integer> shards;
    private final Broadcast<ModelRecipe> model;
    private final JavaSparkContext spark;
    private final int shardSize;

    SparkEvaluator(JavaSparkContext spark, Broadcast<List<ValidationShard>> data, JavaRDD<Integer> shards,
                   int shardSize, MultiLayerNetwork model, LayerMasks masks, WeightMagnitudes magnitudes,
                   ThresholdCodec codec) {
        super(codec, magnitudes);
        this.spark = spark;
        this.data = data;
        this.shards = shards;
        this.shardSize = shardSize;
        MultiLayerNetwork effective = model.clone();
        MagnitudePruner.applyInPlace(effective, masks);
        this.model = spark.broadcast(ModelRecipe.of(effective));
    }

    /**
     * A factory whose evaluators share the validation split, cut into shards and broadcast once
     * per run (an MNIST-sized split is a few MB; each executor fetches it once), and an RDD of
     * shard indices, one per partition, so a task carries only its index.
     */
    public static EvaluatorFactory factory(JavaSparkContext spark, LabeledImages validation, int shardSize) {
        List<ValidationShard> cut = ValidationShard.cut(validation, shardSize);
        Broadcast<List<ValidationShard>> data = spark.broadcast(cut);
        List<Integer> indices = java.util.stream.IntStream.range(0, cut.size()).boxed().toList();
        JavaRDD<Integer> shards = spark.parallelize(indices, cut.size()).persist(StorageLevel.MEMORY_ONLY());
        return (model, masks, magnitudes, codec) ->
                new SparkEvaluator(spark, data, shards, shardSize, model, masks, magnitudes, codec);
    }

    @Override
    protected ShardCounts counts(List<LayerThresholds> candidates) {
        Broadcast<CandidateBatch> batch = spark.broadcast(CandidateBatch.of(candidates));
        try {
            return shards.mapPartitions(new ScoreShardFunction(data, model, batch, shardSize))
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
