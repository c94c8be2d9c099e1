package io.olmp.distributed;

import io.olmp.data.LabeledImages;
import io.olmp.prune.LayerMasks;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The Spark way of counting a run's candidates. The validation split is cut into shards (as many as fill the task
 * slots evenly, {@link #balancedShardSize}) and broadcast once per run (an MNIST-sized split is a few MB; each executor fetches it once), with an RDD of shard indices, one per
 * partition, so a task carries only its index. Each loop gets a {@link SparkShardCounter}; {@link #close()}
 * releases the broadcast and the persisted RDD when the run ends. Given a Spark context, never creating one.
 */
public final class SparkShardCounters implements ShardCounters {

    private final JavaSparkContext spark;
    private final int shardSize;
    private final Broadcast<List<ValidationShard>> data;
    private final JavaRDD<Integer> shards;

    public SparkShardCounters(JavaSparkContext spark, LabeledImages validation, int shardSize) {
        this.spark = spark;
        this.shardSize = balancedShardSize(validation.count(), shardSize, spark.defaultParallelism());
        List<ValidationShard> cut = ValidationShard.cut(validation, this.shardSize);
        this.data = spark.broadcast(cut);
        this.shards = spark.parallelize(IntStream.range(0, cut.size()).boxed().toList(), cut.size())
                .persist(StorageLevel.MEMORY_ONLY());
    }

    /**
     * Images per shard so that the shards fill every task slot equally: at most {@code shardSize},
     * and a multiple of {@code slots} shards (6,000 images, shard size 2,000, 2 slots: 4 shards of
     * 1,500, not 3 of 2,000 with one slot idle half the time). Predictions do not depend on how the
     * images are cut into passes (the kernel equals DL4J image by image), so the counts stay the
     * in-process evaluator's.
     */
    public static int balancedShardSize(int images, int shardSize, int slots) {
        int shards = (images + shardSize - 1) / shardSize;
        int balanced = (shards + slots - 1) / slots * Math.max(1, slots);
        return Math.max(1, (images + balanced - 1) / balanced);
    }

    @Override
    public ShardCounter create(MultiLayerNetwork model, LayerMasks masks) {
        return new SparkShardCounter(spark, data, shards, shardSize, model, masks);
    }

    @Override
    public void close() {
        shards.unpersist(false);
        data.destroy();
    }
}
