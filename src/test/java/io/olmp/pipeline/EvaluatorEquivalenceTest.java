package io.olmp.pipeline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsLoader;
import io.olmp.data.DataSplits;
import io.olmp.distributed.ExecutorScorerCache;
import io.olmp.distributed.SparkShardCounters;
import io.olmp.model.ModelFiles;
import io.olmp.model.ReferenceTrainer;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.ShardCounts;
import io.olmp.scoring.ShardCounter;
import io.olmp.scoring.ShardCounters;
import io.olmp.model.Architectures;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same seeded quickstart-shaped run (real npm digits, 1,000 validation images in 4 shards)
 * with the in-process evaluator, Spark local[1] and Spark local[2]: every candidate of every
 * generation gets the same counts, and the final masks are the same.
 */
class EvaluatorEquivalenceTest {

    private static OlmpSettings settings;
    private static DataSplits splits;
    private static MultiLayerNetwork reference;

    @BeforeAll
    static void referenceModel() throws Exception {
        settings = SettingsLoader.load(Optional.of(Path.of("conf/quickstart.conf")), List.of(
                "train.iterations=150", "train.progress-every=1000", "prune.loops=2", "search.generations=4",
                "prune.adjust-iterations=20", "scoring.shard-size=250"));
        splits = DataPreparation.prepare(settings.data(), s -> {});
        reference = Architectures.build("lenet300-100", ReferenceTraining.inputShape(splits.train().inMemory()), settings.train(),
                settings.seeds().weightInit());
        new ReferenceTrainer(settings.train(), 1, p -> {}).train(reference, splits.train().inMemory(), 0, (n, i) -> {});
    }

    /** Wraps a factory to log the counts of every generation in order. */
    private static ShardCounters recording(ShardCounters inner, List<ShardCounts> log) {
        return (model, masks) -> {
            ShardCounter counter = inner.create(model, masks);
            return new ShardCounter() {
                @Override
                public ShardCounts counts(List<LayerThresholds> candidates) {
                    ShardCounts counts = counter.counts(candidates);
                    log.add(counts);
                    return counts;
                }

                @Override
                public void close() {
                    counter.close();
                }
            };
        };
    }

    private static List<ShardCounts> run(ShardCounters counters, Path out) throws Exception {
        List<ShardCounts> log = new ArrayList<>();
        try (counters) {
            new OlmpPipeline(settings, splits, out, recording(counters, log), s -> {}).run(reference.clone());
        }
        return log;
    }

    private static List<ShardCounts> runOnSpark(String master, Path out) throws Exception {
        try (SparkSession spark = SparkSession.builder().master(master).appName("olmp-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return run(new SparkShardCounters(jsc, splits.validation().inMemory(), settings.scoring().shardSize()), out);
        }
    }

    @Test
    void localAndSparkWithOneOrTwoExecutorThreadsScoreIdentically(@TempDir Path tmp) throws Exception {
        List<ShardCounts> local = run(ShardCounters.local(splits.validation().inMemory(), settings.scoring().shardSize()),
                tmp.resolve("local"));
        long rebuildsBefore = ExecutorScorerCache.rebuilds();
        List<ShardCounts> one = runOnSpark("local[1]", tmp.resolve("local1"));
        long rebuilds = ExecutorScorerCache.rebuilds() - rebuildsBefore;
        List<ShardCounts> two = runOnSpark("local[2]", tmp.resolve("local2"));

        // per loop: the loop-start score, the initial population and 4 generations, the best
        assertEquals(2 * (1 + 5 + 1), local.size());
        assertEquals(local, one);
        assertEquals(local, two);
        assertThat(local.get(1).correct()).hasSize(10);
        assertEquals(1000, local.get(1).total());
        // 56 tasks ran (2 loops x 7 jobs x 4 shards); the model is rebuilt once per loop and task
        // thread, and Spark's task threads come from a cached pool (usually 1 or 2 per loop here)
        assertThat(rebuilds).as("model rebuilds on local[1]").isBetween(2L, 8L);
        MultiLayerNetwork a = ModelFiles.load(tmp.resolve("local/model/pruned.zip"));
        assertEquals(a.params(), ModelFiles.load(tmp.resolve("local1/model/pruned.zip")).params());
        assertEquals(a.params(), ModelFiles.load(tmp.resolve("local2/model/pruned.zip")).params());
    }

    @Test
    void aCandidateThatFailsOnExecutorsComesBackFailedInsteadOfFailingTheJob() {
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("olmp-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            MultiLayerNetwork net = reference.clone();
            LayerMasks masks = LayerMasks.allKept(net);
            try (ShardCounters counters = new SparkShardCounters(jsc, splits.validation().inMemory(), 250);
                 ShardCounter evaluator = counters.create(net, masks)) {
                LayerThresholds wrongLayers = LayerThresholds.none(List.of("ip1", "ip2", "no-such-layer"));
                ShardCounts counts = evaluator.counts(List.of(wrongLayers, wrongLayers));
                assertThat(counts.failures()).allSatisfy(f -> assertThat(f).contains("no threshold for layer ip3"));
                assertEquals(1000, counts.total());
            }
        }
    }
}
