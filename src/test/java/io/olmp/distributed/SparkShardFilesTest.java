package io.olmp.distributed;

import io.olmp.config.SettingsLoader;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
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
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Executors reading the validation shards from files count exactly what the in-process evaluator
 * counts; a shard damaged on disk fails the job with the shard's name, never with wrong counts.
 */
class SparkShardFilesTest {

    @Test
    void shardsReadFromFilesCountAsInProcessAndADamagedOneFailsByName(@TempDir Path tmp) throws Exception {
        LabeledImages digits = TestFixtures.mnistSample();
        MultiLayerNetwork net = Architectures.build("lenet5", new InputShape(1, 28, 28, 10),
                SettingsLoader.defaults().train(), 7);
        LayerMasks masks = LayerMasks.allKept(net);
        PercentileCodec codec = new PercentileCodec(WeightMagnitudes.of(MagnitudePruner.effectiveWeights(net, masks)));
        List<LayerThresholds> candidates = List.of(codec.decode(new double[] {10, 50, 90, 30}),
                codec.decode(new double[] {0, 0, 0, 0}), codec.decode(new double[] {60, 80, 95, 50}));
        ShardCounts expected;
        try (ShardCounter local = ShardCounters.local(digits, 100).create(net, masks)) {
            expected = local.counts(candidates);
        }
        String directory = tmp.resolve("shards").toUri().toString();
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("olmp-shard-files-test")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            try (ShardCounters counters = SparkShardCounters.fromFiles(jsc, digits, 100, directory);
                 ShardCounter distributed = counters.create(net, masks)) {
                assertEquals(expected, distributed.counts(candidates));
                assertEquals(expected, distributed.counts(candidates), "second generation, shards kept by the executors");
            }
            // a new run over a damaged file: the task fails, naming the shard and the rule
            try (ShardCounters counters = SparkShardCounters.fromFiles(jsc, digits, 100, directory)) {
                try (RandomAccessFile raf = new RandomAccessFile(tmp.resolve("shards/shard-00001.olmpshard").toFile(), "rw")) {
                    raf.seek(3000);
                    int b = raf.read();
                    raf.seek(3000);
                    raf.write(b ^ 1);
                }
                try (ShardCounter distributed = counters.create(net, masks)) {
                    SparkException e = assertThrows(SparkException.class, () -> distributed.counts(candidates));
                    assertThat(e.getMessage()).contains("shard-00001.olmpshard").contains("checksum mismatch");
                }
            }
        }
    }
}
