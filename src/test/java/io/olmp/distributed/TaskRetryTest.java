package io.olmp.distributed;

import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.config.SettingsLoader;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.PercentileCodec;
import io.olmp.prune.ShardCounts;
import io.olmp.prune.WeightMagnitudes;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every task fails once and Spark retries it: the counts are those of the in-process evaluator. */
class TaskRetryTest {

    @Test
    void failedTasksAreRetriedAndTheCountsStayIdentical() {
        LabeledImages digits = TestFixtures.mnistSample();
        MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10),
                SettingsLoader.defaults().train(), 5);
        LayerMasks masks = LayerMasks.allKept(net);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks));
        PercentileCodec codec = new PercentileCodec(magnitudes);
        List<LayerThresholds> candidates = List.of(codec.decode(new double[] {50, 50, 50}),
                codec.decode(new double[] {95, 90, 10}), codec.decode(new double[] {0, 0, 0}));
        ShardCounts expected;
        try (ShardCounter local = ShardCounters.local(digits, 100).create(net, masks)) {
            expected = local.counts(candidates);
        }
        System.setProperty(ScoreShardFunction.FAIL_FIRST_ATTEMPT, "true");
        // local[2,3]: 2 task threads, a task may fail up to 3 times
        try (SparkSession spark = SparkSession.builder().master("local[2,3]").appName("olmp-retry-test")
                .config("spark.ui.enabled", "false").getOrCreate();
             ShardCounters counters = new SparkShardCounters(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                     digits, 100);
             ShardCounter distributed = counters.create(net, masks)) {
            assertEquals(expected, distributed.counts(candidates));
        } finally {
            System.clearProperty(ScoreShardFunction.FAIL_FIRST_ATTEMPT);
        }
    }
}
