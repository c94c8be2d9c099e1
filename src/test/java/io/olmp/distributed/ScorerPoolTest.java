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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Executors keep the scorers of the current model between tasks. Broadcast ids start again at 0
 * in every Spark context, so a new context's model must never be scored with the previous one's.
 */
class ScorerPoolTest {

    @Test
    void aNewSparkContextsModelIsNeverScoredWithThePreviousOne() {
        LabeledImages digits = TestFixtures.mnistSample();
        ShardCounts first = null;
        for (long seed : new long[] {5, 6}) {
            MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10),
                    SettingsLoader.defaults().train(), seed);
            LayerMasks masks = LayerMasks.allKept(net);
            PercentileCodec codec = new PercentileCodec(WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks)));
            List<LayerThresholds> candidates = List.of(codec.decode(new double[] {50, 50, 50}),
                    codec.decode(new double[] {0, 0, 0}));
            ShardCounts expected;
            try (ShardCounter local = ShardCounters.local(digits, 100).create(net, masks)) {
                expected = local.counts(candidates);
            }
            try (SparkSession spark = SparkSession.builder().master("local[2]").appName("olmp-pool-test")
                    .config("spark.ui.enabled", "false").getOrCreate();
                 ShardCounters counters = new SparkShardCounters(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                         digits, 100);
                 ShardCounter distributed = counters.create(net, masks)) {
                assertEquals(expected, distributed.counts(candidates), "seed " + seed);
                assertEquals(expected, distributed.counts(candidates), "seed " + seed + ", second generation");
            }
            if (first == null) {
                first = expected;
            } else {
                assertNotEquals(first, expected, "the two models must score differently for this test to mean anything");
            }
        }
    }
}
