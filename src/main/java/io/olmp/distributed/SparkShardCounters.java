package io.olmp.distributed;

import io.olmp.data.LabeledImages;
import io.olmp.data.StreamedImages;
import io.olmp.prune.LayerMasks;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Spark way of counting a run's candidates. The validation split is cut into shards (as many as fill the task
 * slots evenly, {@link #balancedShardSize}), one per partition of an RDD of {@link ValidationShard}s, which every
 * generation's job maps over. Where the shards come from:
 * <ul>
 *   <li>{@link #SparkShardCounters(JavaSparkContext, LabeledImages, int) broadcast}: the driver broadcasts the
 *       cut split once per run (an MNIST-sized split is a few MB; each executor fetches it once) and the RDD holds
 *       shard indices, so a task carries only its index;</li>
 *   <li>{@link #fromFiles files}: the driver writes the shards once per run to a directory every executor reaches
 *       ({@link ShardFiles}); executors read and check them, and the RDD keeps them in executor memory (spilling
 *       to disk), so each executor reads each of its shards once per run;</li>
 *   <li>{@link #fromImageFiles image files}: executors read and decode an image-folder split themselves
 *       ({@link ImageFileShard}).</li>
 * </ul>
 * Each loop gets a {@link SparkShardCounter}; {@link #close()} releases the broadcast and the persisted RDDs when
 * the run ends. Given a Spark context, never creating one.
 */
public final class SparkShardCounters implements ShardCounters {

    private final JavaSparkContext spark;
    private final int shardSize;
    private final Broadcast<List<ValidationShard>> data; // null when the shards are files
    private final JavaRDD<?> persisted;
    private final JavaRDD<ValidationShard> shards;

    public SparkShardCounters(JavaSparkContext spark, LabeledImages validation, int shardSize) {
        this(spark, balancedShardSize(validation.count(), shardSize, spark.defaultParallelism()), validation);
    }

    private SparkShardCounters(JavaSparkContext spark, int shardSize, LabeledImages validation) {
        this.spark = spark;
        this.shardSize = shardSize;
        List<ValidationShard> cut = ValidationShard.cut(validation, shardSize);
        this.data = spark.broadcast(cut);
        JavaRDD<Integer> indices = spark.parallelize(IntStream.range(0, cut.size()).boxed().toList(), cut.size())
                .persist(StorageLevel.MEMORY_ONLY());
        this.persisted = indices;
        this.shards = indices.map(new ShardOfBroadcast(data));
    }

    private SparkShardCounters(JavaSparkContext spark, int shardSize, JavaRDD<?> persisted,
                               JavaRDD<ValidationShard> shards) {
        this.spark = spark;
        this.shardSize = shardSize;
        this.data = null;
        this.persisted = persisted;
        this.shards = shards;
    }

    /**
     * Counters whose executors read the validation shards from files: writes them into {@code directory} (any
     * Hadoop file system path the executors reach: a local folder in local mode, HDFS, S3A, NFS on a cluster).
     */
    public static SparkShardCounters fromFiles(JavaSparkContext spark, LabeledImages validation, int shardSize,
                                               String directory) {
        int size = balancedShardSize(validation.count(), shardSize, spark.defaultParallelism());
        List<String> files = ShardFiles.write(validation, size, directory, spark.hadoopConfiguration());
        Map<String, String> hadoop = new HashMap<>();
        spark.hadoopConfiguration().forEach(entry -> hadoop.put(entry.getKey(), entry.getValue()));
        JavaRDD<ValidationShard> shards = spark.parallelize(files, files.size()).map(new ShardOfFile(hadoop))
                .persist(StorageLevel.MEMORY_AND_DISK());
        return new SparkShardCounters(spark, size, shards, shards);
    }

    /**
     * Counters whose executors read and decode the validation images themselves, from the paths the driver listed
     * (the same folder on every node: a local folder in local mode, an NFS mount on a cluster). Each executor keeps
     * its shards' 8-bit levels (serialised, spilling to disk) and makes the float pixels per task, so the driver
     * never holds the validation pixels.
     */
    public static SparkShardCounters fromImageFiles(JavaSparkContext spark, StreamedImages validation, int shardSize) {
        int size = balancedShardSize(validation.count(), shardSize, spark.defaultParallelism());
        List<ImageFileShard> cut = ImageFileShard.cut(validation, size);
        JavaRDD<ImageFileShard.Levels> levels = spark.parallelize(cut, cut.size()).map(ImageFileShard::decode)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        return new SparkShardCounters(spark, size, levels, levels.map(ImageFileShard.Levels::pixels));
    }

    /** Shard i of the run's broadcast: a lookup, no copy. */
    private record ShardOfBroadcast(Broadcast<List<ValidationShard>> data) implements Function<Integer, ValidationShard> {
        @Override
        public ValidationShard call(Integer index) {
            return data.value().get(index);
        }
    }

    /** A shard read and checked from its file, with the driver's Hadoop settings (credentials, file systems). */
    private record ShardOfFile(Map<String, String> hadoop) implements Function<String, ValidationShard> {
        @Override
        public ValidationShard call(String file) {
            Configuration conf = new Configuration(false);
            hadoop.forEach(conf::set);
            return ShardFiles.read(file, conf);
        }
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
        return new SparkShardCounter(spark, shards, shardSize, model, masks);
    }

    @Override
    public void close() {
        persisted.unpersist(false);
        if (data != null) {
            data.destroy();
        }
    }
}
